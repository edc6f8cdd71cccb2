/**
 * Mini-batches as tensors: images gathered by index into NHWC float32, labels one-hot.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Split } from './split.ts';

/** One batch: `x` of shape [n, rows, cols, 1], `y` one-hot [n, classes]. */
export interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
  size: number;
}

/** The images `order[start … end)` of `split` as a batch. */
export function makeBatch(split: Split, order: ArrayLike<number> | null, start: number, end: number, classes: number): Batch {
  const size = end - start;
  const pixels = split.rows * split.cols;
  const images = new Float32Array(size * pixels);
  const labels = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const j = order === null ? start + i : order[start + i];
    images.set(split.images.subarray(j * pixels, (j + 1) * pixels), i * pixels);
    labels[i] = split.labels[j];
  }
  const x = tf.tensor4d(images, [size, split.rows, split.cols, 1]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32') as tf.Tensor2D);
  return { x, y, size };
}
