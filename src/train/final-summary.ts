/**
 * final.json: the result of a run — losses and accuracies on each split, parameter counts, and
 * the learned activation parameters (PReLU α, Swish-β β) per layer with their mean and std.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { GradproofActivation } from './layers/catalog-activation.ts';
import type { LossAcc } from './evaluate.ts';
import type { ParamCounts } from './model.ts';
import type { ActivationSpec } from './activation-spec.ts';
import { meanStd } from './mean-std.ts';

/** Values of one learned parameter in one layer. */
export interface LearnedParam {
  values: number[];
  mean: number;
  /** Population standard deviation (NumPy's default `np.std`, as the source document used). */
  std: number;
}

/** final.json. */
export interface FinalSummary {
  schemaVersion: number;
  activation: ActivationSpec;
  title: string;
  engine: string;
  dataset: string;
  epochsRun: number;
  bestEpoch: number | null;
  stoppedEarly: boolean;
  /** Weights of this epoch were restored before evaluating (the best by validation loss). */
  restoredEpoch: number | null;
  train: LossAcc;
  validation: LossAcc;
  test: LossAcc;
  params: ParamCounts;
  /** Layer name → parameter name → values (only activations with trainable parameters). */
  learned: Record<string, Record<string, LearnedParam>>;
  seconds: number;
  /** Mean training throughput over the epochs of this run. */
  imgPerSec: number;
}

/** One parameter's values with their mean and population std (final.json keeps no sample size). */
function learnedParam(values: number[]): LearnedParam {
  const { mean, std } = meanStd(values);
  return { values, mean, std };
}

/** Learned parameters of every {@link GradproofActivation} layer of `model`. */
export async function learnedParams(model: tfl.LayersModel): Promise<Record<string, Record<string, LearnedParam>>> {
  const out: Record<string, Record<string, LearnedParam>> = {};
  for (const layer of model.layers) {
    if (!(layer instanceof GradproofActivation)) continue;
    const params = await layer.learnedParams();
    if (Object.keys(params).length === 0) continue;
    out[layer.name] = Object.fromEntries(Object.entries(params).map(([name, values]) => [name, learnedParam(values)]));
  }
  return out;
}

