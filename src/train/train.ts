/**
 * Training runs: `train(options)` starts one in a new run directory, `resumeTraining(dir)`
 * continues one after a crash or `kill -9` from its last checkpoint (losing at most the epoch in
 * progress). Both share the epoch loop: seeded shuffling (epoch e's order depends only on the
 * seed and e, so a resumed run sees the same batches), checkpoints of the last and the best
 * epoch (by validation loss), early stopping with patience, and restoring the best weights at
 * the end — which tfjs-layers' EarlyStopping lacks.
 */
import path from 'node:path';
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { seededRandom } from '../numeric/index.ts';
import { GradproofError, writeJsonAtomic } from '../symbolic/index.ts';
import { catalogActivation, type ActivationExpressions } from './activation-expressions.ts';
import { assertActivationGradients } from './activation-gradcheck.ts';
import { selfCheckActivation } from './activation-selfcheck.ts';
import { makeBatch } from './batches.ts';
import { checkpointHandler } from './checkpoint-io.ts';
import { type Dataset, loadDataset } from './dataset.ts';
import type { Engine, EngineName } from './engine.ts';
import { recordValidationLoss } from './early-stopping.ts';
import { evaluateSplit } from './evaluate.ts';
import { type FinalSummary, learnedParams } from './final-summary.ts';
import { GradproofActivation } from './layers/catalog-activation.ts';
import { buildModel, countParams } from './model.ts';
import {
  type EpochMetrics, RUN_FILES, RUN_KIND, RUN_SCHEMA_VERSION, type RunConfigFile, type RunState,
  checkpointName, createRunDir, initialState, readRun, writeMetrics, writeRunConfig, writeRunState,
} from './run-store.ts';
import { shuffledIndices } from './shuffled-indices.ts';
import { loadEngine } from './select-engine.ts';
import { type ResolvedTrainConfig, type TrainOptions, resolveTrainOptions } from './train-options.ts';

/** Progress of the batch just finished (for a progress bar). */
export interface TrainProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Running mean of the epoch's training loss and accuracy. */
  loss: number;
  acc: number;
  imgPerSec: number;
  /** Estimated seconds until the last epoch ends. */
  etaSeconds: number;
}

/** Callbacks and injections of a run; all optional. */
export interface TrainHooks {
  /** After every batch. */
  onProgress?: (progress: TrainProgress) => void;
  /** After every epoch, with the line written to metrics.jsonl. */
  onEpochEnd?: (metrics: EpochMetrics) => void;
  /** Log lines (engine choice, resume point, early stop). Default: silent. */
  log?: (line: string) => void;
  /**
   * Gradient check of the activation before training (and before resuming); throws
   * (GP_GRAD_MISMATCH) to refuse. Default {@link preflightGradcheck}.
   */
  preflight?: (expressions: ActivationExpressions) => void | Promise<void>;
  /** A loaded engine to use instead of loading `backend`. */
  engine?: Engine;
  /** A loaded dataset to use instead of loading `data` (sweeps share one). */
  dataset?: Dataset;
}

/**
 * The default pre-flight: the activation's derivatives gradient-checked in float32 through
 * `src/gradcheck` (numerical oracles), then its compiled custom gradient against tfjs autodiff.
 * @throws GradproofError GP_GRAD_MISMATCH naming the worst failing point.
 */
export const preflightGradcheck = async (expressions: ActivationExpressions): Promise<void> => {
  assertActivationGradients(expressions);
  await selfCheckActivation(expressions);
};

/** The result of a finished run (also written to final.json), with its directory. */
export interface TrainResult extends FinalSummary {
  dir: string;
}

/**
 * Trains the source document's CNN with one activation, writing a run directory.
 *
 * @throws GradproofError GP_INPUT (bad options, non-empty --out), GP_GRAD_MISMATCH (pre-flight
 *   refused the activation), GP_ENGINE, GP_NOT_FOUND / GP_CORRUPT (data).
 */
export async function train(options: TrainOptions, hooks: TrainHooks = {}): Promise<TrainResult> {
  const config = resolveTrainOptions(options);
  const dir = options.outDir;
  createRunDir(dir);
  const expressions = catalogActivation(config.activation);
  const engine = hooks.engine ?? (await loadEngineFor(config.backend, hooks));
  await (hooks.preflight ?? preflightGradcheck)(expressions);
  const dataset = hooks.dataset ?? (await datasetFor(config));
  const model = buildModel(config.activation, { seed: config.seed });
  compileModel(model, config);
  const file: RunConfigFile = {
    schemaVersion: RUN_SCHEMA_VERSION, kind: RUN_KIND, createdAt: new Date().toISOString(), config,
    dataset: { name: dataset.name, description: dataset.description, train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count },
    engine: { name: engine.name, description: engine.description },
  };
  writeRunConfig(dir, file);
  writeRunState(dir, initialState());
  writeMetrics(dir, []);
  return runEpochs({ dir, config, engine, dataset, model, state: initialState(), metrics: [], hooks });
}

/**
 * Continues the run in `dir` from its last checkpoint.
 *
 * @throws GradproofError GP_CORRUPT / GP_NOT_FOUND when the directory is not a resumable run
 *   (with the reason), GP_GRAD_MISMATCH when the pre-flight refuses the activation.
 */
export async function resumeTraining(dir: string, hooks: TrainHooks & { backend?: EngineName } = {}): Promise<TrainResult> {
  const stored = readRun(dir);
  const config = stored.config.config;
  if (stored.state.finished) {
    const final = path.join(dir, RUN_FILES.final);
    if (fs.existsSync(final)) return { ...(JSON.parse(fs.readFileSync(final, 'utf8')) as FinalSummary), dir };
  }
  const engine = hooks.engine ?? (await loadEngineFor(hooks.backend ?? config.backend, hooks));
  await (hooks.preflight ?? preflightGradcheck)(catalogActivation(config.activation));
  const dataset = hooks.dataset ?? (await datasetFor(config));
  let model: tfl.LayersModel;
  if (stored.state.lastCheckpoint === null) {
    model = buildModel(config.activation, { seed: config.seed });
    compileModel(model, config);
  } else {
    model = await loadCheckpointModel(dir, stored.state.lastCheckpoint, config);
  }
  (hooks.log ?? (() => undefined))(`resuming ${dir} after epoch ${stored.state.epochsCompleted} of ${config.epochs}`);
  return runEpochs({ dir, config, engine, dataset, model, state: stored.state, metrics: stored.metrics, hooks });
}

async function loadEngineFor(backend: EngineName, hooks: TrainHooks): Promise<Engine> {
  return (await loadEngine(backend, { log: hooks.log })).engine;
}

function datasetFor(config: ResolvedTrainConfig): Promise<Dataset> {
  return loadDataset({
    data: config.data, download: config.download, cacheDir: config.cacheDir ?? undefined, invert: config.invert,
    limit: config.limit ?? undefined, validationFraction: config.validationFraction, seed: config.seed,
  });
}

function compileModel(model: tfl.LayersModel, config: ResolvedTrainConfig): void {
  const optimizer = config.optimizer === 'adam' ? tf.train.adam(config.lr) : tf.train.sgd(config.lr);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
}

async function loadCheckpointModel(dir: string, checkpoint: string, config: ResolvedTrainConfig): Promise<tfl.LayersModel> {
  let model: tfl.LayersModel;
  try {
    model = await tfl.loadLayersModel(checkpointHandler(path.join(dir, checkpoint)));
  } catch (cause) {
    if (cause instanceof GradproofError) throw cause;
    throw new GradproofError('GP_CORRUPT', `run directory ${dir}: expected checkpoint ${checkpoint} to load, got ${(cause as Error).message}`, { cause });
  }
  const act = model.layers.find((l) => l instanceof GradproofActivation) as GradproofActivation | undefined;
  if (act === undefined || act.spec.name !== config.activation.name) {
    throw new GradproofError('GP_CORRUPT', `run directory ${dir}: expected checkpoint ${checkpoint} to use activation ${config.activation.name}, got ${act?.spec.name ?? 'none'}`);
  }
  if (model.optimizer === undefined || model.optimizer === null) compileModel(model, config);
  return model;
}

interface RunContext {
  dir: string;
  config: ResolvedTrainConfig;
  engine: Engine;
  dataset: Dataset;
  model: tfl.LayersModel;
  state: RunState;
  metrics: EpochMetrics[];
  hooks: TrainHooks;
}

/** Shuffle seed of epoch `e`: a function of the run seed and e only (resume sees the same order). */
function epochSeed(seed: number, epoch: number): number {
  return (seed * 1_000_003 + epoch * 7_919) >>> 0;
}

async function runEpochs(ctx: RunContext): Promise<TrainResult> {
  const { dir, config, dataset, model, hooks } = ctx;
  const state: RunState = { ...ctx.state };
  const metrics = [...ctx.metrics];
  const log = hooks.log ?? (() => undefined);
  const train = dataset.train;
  const batches = Math.ceil(train.count / config.batchSize);
  const epochSeconds: number[] = [];
  while (!state.finished && !state.stoppedEarly && state.epochsCompleted < config.epochs) {
    const epoch = state.epochsCompleted + 1;
    const order = shuffledIndices(train.count, seededRandom(epochSeed(config.seed, epoch)));
    const t0 = performance.now();
    let lossSum = 0;
    let accSum = 0;
    let seen = 0;
    for (let b = 0; b < batches; b++) {
      const start = b * config.batchSize;
      const batch = makeBatch(train, order, start, Math.min(train.count, start + config.batchSize), dataset.classes);
      const out = await model.trainOnBatch(batch.x, batch.y);
      tf.dispose([batch.x, batch.y]);
      const [loss, acc] = Array.isArray(out) ? out : [out, Number.NaN];
      lossSum += loss * batch.size;
      accSum += acc * batch.size;
      seen += batch.size;
      if (!Number.isFinite(loss)) throw new GradproofError('GP_INPUT', `training diverged: expected a finite loss, got ${loss} at epoch ${epoch}, batch ${b + 1} (try a smaller --lr)`);
      if (hooks.onProgress !== undefined) {
        const elapsed = (performance.now() - t0) / 1000;
        const perEpoch = (elapsed / seen) * train.count;
        hooks.onProgress({
          epoch, epochs: config.epochs, batch: b + 1, batches, loss: lossSum / seen, acc: accSum / seen,
          imgPerSec: seen / elapsed, etaSeconds: perEpoch - elapsed + perEpoch * (config.epochs - epoch),
        });
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    epochSeconds.push(seconds);
    const val = await evaluateSplit(model, dataset.validation, dataset.classes);
    const line: EpochMetrics = {
      schemaVersion: RUN_SCHEMA_VERSION, epoch, loss: lossSum / seen, acc: accSum / seen,
      val_loss: val.loss, val_acc: val.acc, seconds, img_per_s: seen / seconds,
    };
    const checkpoint = checkpointName(epoch);
    await saveCheckpoint(model, path.join(dir, checkpoint));
    const previousLast = state.lastCheckpoint;
    state.epochsCompleted = epoch;
    state.lastCheckpoint = checkpoint;
    if (recordValidationLoss(state, epoch, val.loss, config.patience)) state.bestCheckpoint = checkpoint;
    if (state.stoppedEarly) log(`early stopping after epoch ${epoch}: no better validation loss for ${state.wait} epochs (best ${state.bestEpoch})`);
    metrics.push(line);
    writeMetrics(dir, metrics);
    writeRunState(dir, state);
    removeStaleCheckpoint(dir, previousLast, state);
    hooks.onEpochEnd?.(line);
  }
  return finish(ctx, state, metrics);
}

/**
 * Saves model and optimizer state. The scope frees the scalar that tfjs-layers' save creates for
 * the optimizer's iteration count and never disposes (one leaked tensor per checkpoint otherwise).
 */
async function saveCheckpoint(model: tfl.LayersModel, folder: string): Promise<void> {
  tf.engine().startScope();
  try {
    await model.save(checkpointHandler(folder), { includeOptimizer: true });
  } finally {
    tf.engine().endScope();
  }
}

/** Deletes the previous "last" checkpoint unless it is still the best one. */
function removeStaleCheckpoint(dir: string, previous: string | null, state: RunState): void {
  if (previous === null || previous === state.lastCheckpoint || previous === state.bestCheckpoint) return;
  fs.rmSync(path.join(dir, previous), { recursive: true, force: true });
  // Best checkpoints superseded earlier are removed here too.
  for (const name of fs.readdirSync(path.join(dir, RUN_FILES.checkpoints))) {
    const rel = path.join(RUN_FILES.checkpoints, name);
    if (rel !== state.lastCheckpoint && rel !== state.bestCheckpoint) fs.rmSync(path.join(dir, rel), { recursive: true, force: true });
  }
}

async function finish(ctx: RunContext, state: RunState, metrics: EpochMetrics[]): Promise<TrainResult> {
  const { dir, dataset, config, model } = ctx;
  let restoredEpoch: number | null = null;
  if (state.bestCheckpoint !== null && state.bestCheckpoint !== state.lastCheckpoint) {
    // Restore best weights: tfjs-layers' EarlyStopping cannot; reload them from the best checkpoint.
    const best = await tfl.loadLayersModel(checkpointHandler(path.join(dir, state.bestCheckpoint)));
    model.setWeights(best.getWeights());
    best.dispose();
    restoredEpoch = state.bestEpoch;
  } else if (state.bestEpoch !== null) {
    restoredEpoch = state.bestEpoch;
  }
  const imgs = metrics.map((m) => m.img_per_s);
  const summary: FinalSummary = {
    schemaVersion: RUN_SCHEMA_VERSION,
    activation: config.activation,
    title: catalogActivation(config.activation).title,
    engine: ctx.engine.description,
    dataset: dataset.description,
    epochsRun: state.epochsCompleted,
    bestEpoch: state.bestEpoch,
    stoppedEarly: state.stoppedEarly,
    restoredEpoch,
    train: await evaluateSplit(model, dataset.train, dataset.classes),
    validation: await evaluateSplit(model, dataset.validation, dataset.classes),
    test: await evaluateSplit(model, dataset.test, dataset.classes),
    params: countParams(model),
    learned: await learnedParams(model),
    seconds: metrics.reduce((a, m) => a + m.seconds, 0),
    imgPerSec: imgs.length === 0 ? 0 : imgs.reduce((a, b) => a + b, 0) / imgs.length,
  };
  writeJsonAtomic(path.join(dir, RUN_FILES.final), summary);
  writeRunState(dir, { ...state, finished: true });
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
  return { ...summary, dir };
}
