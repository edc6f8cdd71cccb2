/**
 * Public surface of the train layer: engines (tfjs backends), data, the source document's CNN,
 * activation layers compiled from the catalog, and resumable training runs. Other layers import
 * only from here.
 */
// Engines
export { ENGINE_NAMES } from './engine.ts';
export type { Engine, EngineName, EngineSelection, EngineSkip } from './engine.ts';
export { loadCpuEngine } from './engines/cpu.ts';
export { loadWasmEngine, wasmBinaryFolder } from './engines/wasm.ts';
export { loadEngine, formatEngineSelection } from './select-engine.ts';
export type { EngineLoaders, LoadEngineOptions } from './select-engine.ts';
export { WASM_TRAINING_KERNELS, registerWasmTrainingKernels } from './wasm-kernels/register.ts';

// Data
export { DEFAULT_VALIDATION_FRACTION, EMBEDDED_SPLIT_SEED, EMBEDDED_TEST_FRACTION, FASHION_MNIST_DIR, loadDataset } from './dataset.ts';
export type { Dataset, DatasetOptions } from './dataset.ts';
export { IDX_UBYTE, encodeIdx, parseIdx, readIdxImages, readIdxLabels } from './idx.ts';
export type { IdxArray, IdxImages } from './idx.ts';
export { MNIST_SIDE, embeddedMnistFolder, loadEmbeddedMnist } from './embedded-mnist.ts';
export { MNIST_FILES, findMnistFile, loadIdxSplit, loadMnistFolder } from './mnist-files.ts';
export { DOWNLOAD_TIMEOUT_MS, MNIST_MIRROR, defaultMnistCacheDir, downloadMnist } from './download-mnist.ts';
export type { DownloadOptions } from './download-mnist.ts';
export { randomSplit, sampleRows, takeRows, withInverted } from './split.ts';
export type { Split } from './split.ts';
export { shuffledIndices } from './shuffled-indices.ts';
export { uniformArray } from './uniform-array.ts';

// Model and activations
export { MODEL_CLASSES, MODEL_INPUT_SHAPE, buildModel, countParams, modelSummary } from './model.ts';
export type { ModelOptions, ParamCounts } from './model.ts';
export { ACTIVATION_ALIASES, TRAINABLE_ACTIVATIONS, formatActivationSpec, parseActivationSpec } from './activation-spec.ts';
export type { ActivationSpec } from './activation-spec.ts';
export { ACTIVATION_VARIABLE, catalogActivation } from './activation-expressions.ts';
export type { ActivationExpressions, ActivationParam, ActivationSource } from './activation-expressions.ts';
export { GradproofActivation, compileActivation, gradproofActivation, setActivationSource } from './layers/catalog-activation.ts';
export type { ActivationFn, GradproofActivationArgs } from './layers/catalog-activation.ts';
export { TFJS_FUNCTIONS, compileToTfjs } from './node-to-tfjs.ts';
export type { TensorEnv, TensorFn } from './node-to-tfjs.ts';
export { SELFCHECK_TOLERANCE, selfCheckActivation } from './activation-selfcheck.ts';
export { assertActivationGradients, gradcheckActivation } from './activation-gradcheck.ts';

// Training runs
export { preflightGradcheck, resumeTraining, train } from './train.ts';
export type { TrainHooks, TrainProgress, TrainResult } from './train.ts';
export { DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATES, DEFAULT_PATIENCE, OPTIMIZERS, resolveTrainOptions } from './train-options.ts';
export type { OptimizerName, ResolvedTrainConfig, TrainOptions } from './train-options.ts';
export { recordValidationLoss } from './early-stopping.ts';
export type { EarlyStoppingState } from './early-stopping.ts';
export { RUN_FILES, RUN_KIND, RUN_SCHEMA_VERSION, readRun } from './run-store.ts';
export type { EpochMetrics, RunConfigFile, RunState, StoredRun } from './run-store.ts';
export { learnedParams } from './final-summary.ts';
export { meanStd } from './mean-std.ts';
export type { MeanStd } from './mean-std.ts';
export type { FinalSummary, LearnedParam } from './final-summary.ts';
export { EVAL_CHUNK, KERAS_EPSILON, evaluateSplit } from './evaluate.ts';
export type { LossAcc } from './evaluate.ts';
export { checkpointHandler, readCheckpoint } from './checkpoint-io.ts';
export { DEFAULT_LANDSCAPE_ACTIVATIONS, DEFAULT_LANDSCAPE_SAMPLES, DEFAULT_LANDSCAPE_SIZE, Q2_DEFAULTS, SEED_PRELU_ALPHA, SEED_Q3_DEFAULT_EPOCHS, SEED_Q3_TABLE, SWEEP_PRESETS, formatBceVsMseMarkdown, formatLandscapeMarkdown, formatQ3Markdown, formatSweepProgressLine, isSweepDir, mergeSweeps, parseShard, renderLandscape, runBceVsMse, runSweep, sweepConfigurations, type BceVsMseOptions, type BceVsMseResult, type LandscapeOptions, type LandscapeResult, type Q3Report, type SeedQ3Row, type Shard, type SweepOptions, type SweepProgress, type SweepResult } from './experiments/index.ts';
