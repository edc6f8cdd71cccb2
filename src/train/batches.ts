/**
 * Mini-batches as tensors: images gathered by index into NHWC float32, labels one-hot.
 */
import * as tf from '@tensorflow/tfjs-core';
import { gatherRows, type Split } from './split.ts';

/** One batch: `x` of shape [n, rows, cols, 1], `y` the targets ([n, classes] one-hot, or [n, 1]). */
export interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
  size: number;
}

/** The images `order[start … end)` of `split` (`start … end` when `order` is null) as a batch. */
export function makeBatch(split: Split, order: ArrayLike<number> | null, start: number, end: number, classes: number): Batch {
  const rows = gatherRows(split, order, start, end);
  const x = tf.tensor4d(rows.images, [rows.count, rows.rows, rows.cols, 1]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(rows.labels), 'int32'), classes), 'float32') as tf.Tensor2D);
  return { x, y, size: rows.count };
}
