/**
 * The source document's CNN (SEED Q3, Keras "sequential_2"):
 *   Conv2D 8@7×7 valid → act → Conv2D 8@5×5 valid → act → Flatten → Dense 10 softmax,
 * 27,938 parameters (27,954 with PReLU: 8 α per conv layer).
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { ActivationSpec } from './activation-spec.ts';
import { GradproofActivation } from './layers/catalog-activation.ts';
import { GradproofConv2D } from './layers/gradproof-conv2d.ts';

/** Input image shape (height, width, channels). */
export const MODEL_INPUT_SHAPE = [28, 28, 1] as const;
/** Number of classes of the softmax output. */
export const MODEL_CLASSES = 10;

/** Options of {@link buildModel}. */
export interface ModelOptions {
  /** Seed of the weight initialisers (default 0); layer k uses seed + k. */
  seed?: number;
  /** Input shape (default 28×28×1). */
  inputShape?: readonly [number, number, number];
}

/**
 * Builds the (uncompiled) CNN with `activation` after each convolution.
 *
 * @example buildModel({ name: 'prelu', params: {} }).countParams() // 27954
 */
export function buildModel(activation: ActivationSpec, options: ModelOptions = {}): tfl.Sequential {
  const seed = options.seed ?? 0;
  const init = (k: number) => tfl.initializers.glorotUniform({ seed: seed * 16 + k });
  const act = (name: string) => new GradproofActivation({ activation: activation.name, params: { ...activation.params }, name });
  const model = tfl.sequential({ name: 'gradproof_cnn' });
  // GradproofConv2D = tfjs Conv2D that skips conv1's useless input gradient (layers/gradproof-conv2d.ts).
  model.add(new GradproofConv2D({
    inputShape: [...(options.inputShape ?? MODEL_INPUT_SHAPE)], filters: 8, kernelSize: 7, padding: 'valid', name: 'conv1', kernelInitializer: init(1), inputGradient: false,
  }));
  model.add(act('act1'));
  model.add(new GradproofConv2D({ filters: 8, kernelSize: 5, padding: 'valid', name: 'conv2', kernelInitializer: init(2) }));
  model.add(act('act2'));
  model.add(tfl.layers.flatten({ name: 'flatten' }));
  model.add(tfl.layers.dense({ units: MODEL_CLASSES, activation: 'softmax', name: 'dense', kernelInitializer: init(3) }));
  return model;
}

/** Parameter counts of a model. */
export interface ParamCounts {
  total: number;
  trainable: number;
  /** Per layer, in order. */
  layers: { name: string; className: string; outputShape: (number | null)[]; params: number }[];
}

/** Counts the parameters of `model`, per layer. */
export function countParams(model: tfl.LayersModel): ParamCounts {
  const layers = model.layers.map((l) => ({
    name: l.name,
    className: l.getClassName(),
    outputShape: l.outputShape as (number | null)[],
    params: l.countParams(),
  }));
  const trainable = model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  return { total: model.countParams(), trainable, layers };
}

/** The Keras-style summary table as text (what `model.summary()` prints). */
export function modelSummary(model: tfl.LayersModel): string {
  const lines: string[] = [];
  model.summary(undefined, undefined, (line: string) => lines.push(line));
  return lines.join('\n');
}
