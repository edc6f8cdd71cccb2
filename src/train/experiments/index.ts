/**
 * Experiments that reproduce and check the source document: the Q3 α sweep (with shards and
 * merging), Q2 BCE vs MSE, and Q1's output landscape. Re-exported by `src/train/index.ts`.
 */
export { renderLandscape, DEFAULT_LANDSCAPE_ACTIVATIONS, DEFAULT_LANDSCAPE_SAMPLES, DEFAULT_LANDSCAPE_SIZE, LANDSCAPE_DOMAIN, LANDSCAPE_SCHEMA_VERSION, MAX_LANDSCAPE_SIZE } from './output-landscape.ts';
export type { ActivationLandscape, LandscapeOptions, LandscapeResult } from './output-landscape.ts';
export { formatLandscapeMarkdown } from './landscape-markdown.ts';
export { landscapeSmoothness } from './landscape-smoothness.ts';
export type { LandscapeSmoothness } from './landscape-smoothness.ts';
export { LANDSCAPE_BIAS_STD, LANDSCAPE_LAYER_SIZES, randomMlpWeights } from './random-mlp.ts';
export type { DenseWeights } from './random-mlp.ts';
export { catalogActivationNames, tensorActivation } from './landscape-activation.ts';
export type { TensorActivation } from './landscape-activation.ts';
export { encodeHeatmapPng, STRIP_GAP_PX } from './heatmap-png.ts';
export type { ValueGrid } from './heatmap-png.ts';
export { viridis } from './viridis.ts';
export type { Rgb } from './viridis.ts';


export { runSweep, writeSweepReport } from './run-sweep.ts';
export type { SweepOptions, SweepProgress, SweepResult } from './run-sweep.ts';
export { mergeSweeps, isSweepDir } from './merge-sweeps.ts';
export { SEED_Q3_ALPHAS, SEED_Q3_DEFAULT_EPOCHS, SWEEP_PRESETS, sweepConfigurations } from './sweep-preset.ts';
export type { SweepConfiguration, SweepPreset } from './sweep-preset.ts';
export { resolveSweepSettings, sweepSettingsDifference } from './sweep-settings.ts';
export type { SweepSettings, SweepSettingsInput } from './sweep-settings.ts';
export { parseShard, shardSlice, validateShard } from './sweep-shard.ts';
export type { Shard } from './sweep-shard.ts';
export { SWEEP_RUNS_DIR } from './sweep-run.ts';
export type { SweepRunResult } from './sweep-run.ts';
export { SWEEP_FILES, SWEEP_KIND, SWEEP_SCHEMA_VERSION, readSweepManifest, readSweepRuns } from './sweep-store.ts';
export type { SweepManifest, SweepResults } from './sweep-store.ts';
export { buildQ3Report, CHANCE_ACCURACY, LEARNED_MARGIN, Q3_REPORT_SCHEMA_VERSION } from './q3-report.ts';
export type { IdentityFinding, LayerParamComparison, Q3Report, Q3Row } from './q3-report.ts';
export { formatQ3Markdown } from './q3-markdown.ts';
export { orderingAgreement } from './ordering-agreement.ts';
export type { OrderingAgreement } from './ordering-agreement.ts';
export { SEED_PRELU_ALPHA, SEED_Q2_CLAIMS, SEED_Q2_INITIAL_LOSS, SEED_Q3_TABLE, SEED_Q3_TEST_LOSS_ORDER, UNIFORM_GUESS_LOSS } from './seed-reference.ts';
export type { SeedQ3Row } from './seed-reference.ts';
export { runInWorkers, startTsWorker } from './worker-pool.ts';
export { runBceVsMse, buildBinaryModel, Q2_DEFAULTS, Q2_SCHEMA_VERSION, Q2_VALIDATION_FRACTION } from './bce-vs-mse.ts';
export type { BceVsMseOptions, BceVsMseResult, BinaryEpoch, BinaryRun, LossName } from './bce-vs-mse.ts';
export { formatBceVsMseMarkdown } from './q2-markdown.ts';
export { binaryMetrics } from './binary-metrics.ts';
export type { BinaryMetrics } from './binary-metrics.ts';
export { parityBatch, parityTarget } from './binary-task.ts';
export { readCurve } from './loss-curve-analysis.ts';
export type { CurvePoint, CurveReading } from './loss-curve-analysis.ts';
export { formatSweepProgressLine } from './sweep-progress-line.ts';
