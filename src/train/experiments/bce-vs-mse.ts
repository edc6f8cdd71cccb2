/**
 * `runBceVsMse`: SEED Q2 measured. The same CNN trunk as Q3 (ReLU) with a one-unit sigmoid
 * output, on a binary task from the same digits ({@link parityTarget}), trained twice from the
 * same initial weights — once with binary cross-entropy, once with mean squared error — for a
 * fixed number of epochs (no stopping, so the whole curves are seen); the curves are then read
 * for the best epoch, where early stopping would stop, and the train/validation gap.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { GradproofError } from '../../symbolic/error.ts';
import { catalogActivation } from '../activation-expressions.ts';
import { preflightGradcheck } from '../train.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../symbolic/index.ts';
import { loadDataset } from '../dataset.ts';
import type { EngineName } from '../engine.ts';
import { GradproofActivation } from '../layers/catalog-activation.ts';
import { seededRandom } from '../../numeric/index.ts';
import { shuffledIndices } from '../shuffled-indices.ts';
import { loadEngine } from '../select-engine.ts';
import { parityBatch } from './binary-task.ts';
import { type BinaryMetrics, binaryMetrics } from './binary-metrics.ts';
import { formatBceVsMseMarkdown } from './q2-markdown.ts';
import { type CurveReading, readCurve } from './loss-curve-analysis.ts';
import { SEED_Q2_INITIAL_LOSS } from './seed-reference.ts';

/** Version of q2.json. */
export const Q2_SCHEMA_VERSION = 1;
/** Share of training originals held out for validation: twice the trainer's 0.1, so the small default set still gives a usable validation curve. */
export const Q2_VALIDATION_FRACTION = 0.2;
/** Defaults sized for a couple of minutes on one core: a small training set so overfitting shows within the budget. */
export const Q2_DEFAULTS = { limit: 500, epochs: 25, batchSize: 32, lr: 0.001, patience: 5 } as const;

/** Options of {@link runBceVsMse}, with documented defaults. */
export interface BceVsMseOptions {
  /** `embedded` (default), `fashion` or a folder of MNIST files. */
  data?: string;
  /** Original images per split (default {@link Q2_DEFAULTS}.limit); inverted copies are appended. */
  limit?: number;
  epochs?: number;
  batchSize?: number;
  /** Adam learning rate. */
  lr?: number;
  /** Patience used to read where early stopping would stop. */
  patience?: number;
  seed?: number;
  /** Append inverted copies (default true, as in Q3). */
  invert?: boolean;
  /** Engine (default wasm). */
  backend?: EngineName;
  /** Folder for q2.json and q2.md; nothing written when absent. */
  outDir?: string;
  onProgress?: (event: { loss: LossName; epoch: number; epochs: number; train: BinaryMetrics; validation: BinaryMetrics }) => void;
}

export type LossName = 'bce' | 'mse';

/** One epoch of a run (epoch 0: before training). */
export interface BinaryEpoch {
  readonly epoch: number;
  readonly train: BinaryMetrics;
  readonly validation: BinaryMetrics;
}

/** One of the two runs. */
export interface BinaryRun {
  readonly loss: LossName;
  /** Loss (the one trained) of the untrained network on the training set, and the document's claim. */
  readonly initialLoss: number;
  readonly claimedInitialLoss: number;
  /** Mean sigmoid output before training (the claim assumes ≈ 0.5). */
  readonly initialMeanOutput: number;
  /** Epochs 0 … n. */
  readonly curve: readonly BinaryEpoch[];
  readonly reading: CurveReading;
  /** Metrics on the test split after the last epoch. */
  readonly test: BinaryMetrics;
  readonly seconds: number;
}

/** q2.json. */
export interface BceVsMseResult {
  readonly schemaVersion: typeof Q2_SCHEMA_VERSION;
  readonly kind: 'gradproof-q2-report';
  readonly task: string;
  readonly settings: Required<Omit<BceVsMseOptions, 'outDir' | 'onProgress'>>;
  readonly dataset: { readonly description: string; readonly train: number; readonly validation: number; readonly test: number };
  readonly engine: string;
  readonly bce: BinaryRun;
  readonly mse: BinaryRun;
  /** BCE's relative train/validation gap at the end exceeds MSE's (the document's argument). */
  readonly bceGapLarger: boolean;
}

/**
 * Trains the BCE and the MSE model and reads their curves.
 * @throws GradproofError GP_INPUT for bad options; data and engine errors as `loadDataset` / `loadEngine`.
 */
export async function runBceVsMse(options: BceVsMseOptions = {}): Promise<BceVsMseResult> {
  const settings = {
    data: options.data ?? 'embedded', limit: options.limit ?? Q2_DEFAULTS.limit, epochs: options.epochs ?? Q2_DEFAULTS.epochs,
    batchSize: options.batchSize ?? Q2_DEFAULTS.batchSize, lr: options.lr ?? Q2_DEFAULTS.lr, patience: options.patience ?? Q2_DEFAULTS.patience,
    seed: options.seed ?? 0, invert: options.invert ?? true, backend: options.backend ?? 'wasm',
  };
  for (const key of ['limit', 'epochs', 'batchSize'] as const) {
    if (!(Number.isInteger(settings[key]) && settings[key] > 0)) throw new GradproofError('GP_INPUT', `${key}: expected a positive integer, got ${settings[key]}`);
  }
  if (!(settings.lr > 0)) throw new GradproofError('GP_INPUT', `lr: expected a positive number, got ${settings.lr}`);
  if (!(Number.isInteger(settings.patience) && settings.patience >= 0)) throw new GradproofError('GP_INPUT', `patience: expected a non-negative integer, got ${settings.patience}`);
  const { engine } = await loadEngine(settings.backend);
  await preflightGradcheck(catalogActivation({ name: 'relu', params: {} })); // the same pre-flight as every run
  const dataset = await loadDataset({ data: settings.data, limit: settings.limit, invert: settings.invert, seed: settings.seed, validationFraction: Q2_VALIDATION_FRACTION });
  const runOne = async (loss: LossName): Promise<BinaryRun> => {
    const t0 = performance.now();
    const model = buildBinaryModel(settings.seed);
    model.compile({ optimizer: tf.train.adam(settings.lr), loss: loss === 'bce' ? 'binaryCrossentropy' : 'meanSquaredError' });
    const curve: BinaryEpoch[] = [{ epoch: 0, train: binaryMetrics(model, dataset.train), validation: binaryMetrics(model, dataset.validation) }];
    const train = dataset.train;
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const order = shuffledIndices(train.count, seededRandom(settings.seed * 1_000_003 + epoch));
      for (let start = 0; start < train.count; start += settings.batchSize) {
        const batch = parityBatch(train, order, start, Math.min(train.count, start + settings.batchSize));
        const value = await model.trainOnBatch(batch.x, batch.y);
        tf.dispose([batch.x, batch.y]);
        const l = Array.isArray(value) ? value[0] : value;
        if (!Number.isFinite(l)) throw new GradproofError('GP_INPUT', `${loss} training diverged: expected a finite loss, got ${l} at epoch ${epoch} (try a smaller lr)`);
      }
      const point = { epoch, train: binaryMetrics(model, dataset.train), validation: binaryMetrics(model, dataset.validation) };
      curve.push(point);
      options.onProgress?.({ loss, epochs: settings.epochs, ...point });
    }
    const test = binaryMetrics(model, dataset.test);
    model.dispose();
    const reading = readCurve(curve.slice(1).map((p) => ({ epoch: p.epoch, train: p.train[loss], validation: p.validation[loss] })), settings.patience);
    return {
      loss, initialLoss: curve[0].train[loss], claimedInitialLoss: SEED_Q2_INITIAL_LOSS[loss], initialMeanOutput: curve[0].train.meanOutput,
      curve, reading, test, seconds: (performance.now() - t0) / 1000,
    };
  };
  const bce = await runOne('bce');
  const mse = await runOne('mse');
  const result: BceVsMseResult = {
    schemaVersion: Q2_SCHEMA_VERSION, kind: 'gradproof-q2-report',
    task: 'parity of the digit (1 = odd, 0 = even), sigmoid output',
    settings,
    dataset: { description: dataset.description, train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count },
    engine: engine.description, bce, mse,
    bceGapLarger: bce.reading.relativeGapAtEnd > mse.reading.relativeGapAtEnd,
  };
  if (options.outDir !== undefined) {
    writeJsonAtomic(path.join(options.outDir, 'q2.json'), result);
    writeFileAtomic(path.join(options.outDir, 'q2.md'), formatBceVsMseMarkdown(result));
  }
  return result;
}

/** Seed offset per layer, as the trainer's model uses (seed · 16 + k). */
const LAYER_SEED_STRIDE = 16;

/** The Q3 CNN trunk (ReLU from the catalog) with a Dense(1, sigmoid) output; same seed, same weights. */
export function buildBinaryModel(seed: number): tfl.Sequential {
  const init = (k: number) => tfl.initializers.glorotUniform({ seed: seed * LAYER_SEED_STRIDE + k });
  const model = tfl.sequential({ name: 'gradproof_binary_cnn' });
  model.add(tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 7, padding: 'valid', name: 'conv1', kernelInitializer: init(1) }));
  model.add(new GradproofActivation({ activation: 'relu', name: 'act1' }));
  model.add(tfl.layers.conv2d({ filters: 8, kernelSize: 5, padding: 'valid', name: 'conv2', kernelInitializer: init(2) }));
  model.add(new GradproofActivation({ activation: 'relu', name: 'act2' }));
  model.add(tfl.layers.flatten({ name: 'flatten' }));
  model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid', name: 'dense', kernelInitializer: init(3) }));
  return model;
}
