/**
 * A seeded, randomly initialised fully connected network (weights only; the activation is
 * applied by the caller), as in the Mish paper's "output landscape" figure.
 */
import { GradproofError } from '../../symbolic/error.ts';
import { type RandomSource, seededRandom } from '../../numeric/index.ts';

/** The Mish paper's landscape network: 2 inputs → 64 → 32 → 16 → 1 output. */
export const LANDSCAPE_LAYER_SIZES: readonly number[] = [2, 64, 32, 16, 1];

/**
 * Standard deviation of the biases. Keras' zero biases would make a ReLU network positively
 * homogeneous (f(λx) = λf(x): its landscape is rays from the origin); unit-variance biases put
 * kinks and bends inside the grid.
 */
export const LANDSCAPE_BIAS_STD = 1;

/** One dense layer: `weights` is fanIn × fanOut, row-major. */
export interface DenseWeights {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Glorot-normal weights, N(0, gain² · 2 / (fanIn + fanOut)), which keep pre-activations of
 * order one where the activations differ most, and N(0, {@link LANDSCAPE_BIAS_STD}²) biases
 * (Box–Muller on a seeded generator): the same seed gives the same network. `gain` > 1 pushes
 * pre-activations into the tails, where relu, swish and mish all look alike.
 *
 * @throws GradproofError GP_INPUT for fewer than two sizes or a size that is not a positive integer.
 */
export function randomMlpWeights(sizes: readonly number[], seed: number, gain = 1): DenseWeights[] {
  if (sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new GradproofError('GP_INPUT', `MLP sizes: expected two or more positive integers, got [${sizes.join(', ')}]`);
  }
  const random = seededRandom(seed);
  const layers: DenseWeights[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fanIn = sizes[i];
    const fanOut = sizes[i + 1];
    const std = gain * Math.sqrt(2 / (fanIn + fanOut));
    layers.push({ fanIn, fanOut, weights: normalArray(fanIn * fanOut, random, std), bias: normalArray(fanOut, random, LANDSCAPE_BIAS_STD) });
  }
  return layers;
}

/** `n` draws from N(0, std²) by the Box–Muller transform. */
function normalArray(n: number, random: RandomSource, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - random(); // in (0, 1]: log(u) is finite
    const v = random();
    const r = std * Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
