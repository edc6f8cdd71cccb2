/**
 * Both losses and the accuracy of a sigmoid-output model on a whole split, whichever loss it was
 * trained with, so the two runs are compared on the same scales.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { EVAL_CHUNK, KERAS_EPSILON } from '../evaluate.ts';
import type { Split } from '../split.ts';
import { parityBatch } from './binary-task.ts';

/** BCE (probabilities clipped to [ε, 1 − ε] as Keras does), MSE, accuracy (threshold 0.5) and the mean output. */
export interface BinaryMetrics {
  readonly bce: number;
  readonly mse: number;
  readonly acc: number;
  readonly meanOutput: number;
}

/** Evaluates `model` on every image of `split` with parity targets. */
export function binaryMetrics(model: tfl.LayersModel, split: Split): BinaryMetrics {
  let bce = 0;
  let mse = 0;
  let hits = 0;
  let out = 0;
  for (let start = 0; start < split.count; start += EVAL_CHUNK) {
    const batch = parityBatch(split, null, start, Math.min(split.count, start + EVAL_CHUNK));
    const sums = tf.tidy(() => {
      const a = model.predict(batch.x) as tf.Tensor2D;
      const p = tf.clipByValue(a, KERAS_EPSILON, 1 - KERAS_EPSILON);
      const y = batch.y;
      const ce = tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))));
      const right = tf.equal(tf.greater(a, 0.5), tf.greater(y, 0.5));
      return [tf.sum(ce), tf.sum(tf.square(tf.sub(y, a))), tf.sum(tf.cast(right, 'float32')), tf.sum(a)].map((t) => t.dataSync()[0]);
    });
    tf.dispose([batch.x, batch.y]);
    bce += sums[0];
    mse += sums[1];
    hits += sums[2];
    out += sums[3];
  }
  const n = split.count;
  return { bce: bce / n, mse: mse / n, acc: hits / n, meanOutput: out / n };
}
