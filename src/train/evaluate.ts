/**
 * Loss and accuracy of a model on a whole split, computed in chunks (bounded memory), with the
 * categorical cross-entropy exactly as Keras/tfjs-layers computes it (probabilities clipped to
 * [ε, 1 − ε], ε = 1e-7).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { makeBatch } from './batches.ts';
import type { Split } from './split.ts';

/** Keras's fuzz factor `epsilon()`, used to clip probabilities before the log. */
export const KERAS_EPSILON = 1e-7;
/** Images per forward pass when evaluating: large enough to amortise overhead, ~3 MB of input. */
export const EVAL_CHUNK = 1024;

/** Mean loss and accuracy. */
export interface LossAcc {
  loss: number;
  acc: number;
}

/** Evaluates `model` on every image of `split` (reads asynchronously, as WebGPU in Node requires). */
export async function evaluateSplit(model: tfl.LayersModel, split: Split, classes: number): Promise<LossAcc> {
  if (split.count === 0) return { loss: Number.NaN, acc: Number.NaN };
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.count; start += EVAL_CHUNK) {
    const end = Math.min(split.count, start + EVAL_CHUNK);
    const batch = makeBatch(split, null, start, end, classes);
    const sums = tf.tidy(() => {
      const p = model.predict(batch.x) as tf.Tensor2D;
      const clipped = tf.clipByValue(p, KERAS_EPSILON, 1 - KERAS_EPSILON);
      const loss = tf.neg(tf.sum(tf.mul(batch.y, tf.log(clipped))));
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(p, 1), tf.argMax(batch.y, 1)), 'float32'));
      return tf.stack([loss, hits]);
    });
    const [l, c] = await sums.data();
    tf.dispose([batch.x, batch.y, sums]);
    lossSum += l!;
    correct += c!;
  }
  return { loss: lossSum / split.count, acc: correct / split.count };
}
