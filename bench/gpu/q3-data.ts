/**
 * The Q3 data for the GPU benchmark: an MNIST-format IDX pair (raw or .gz) in host memory as
 * floats in [0, 1], with the inverted copies (x → 1 − x) appended as in the source document, and
 * batches built from it by index — uploaded per batch (the default, as gradproof's trainer does),
 * or gathered from a copy resident on the device (`--resident`).
 */
import fs from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs-core';

import { readIdxImages, readIdxLabels } from '../../src/train/idx.ts';

/** A data set in host memory. */
export interface HostSet {
  /** count × rows × cols floats in [0, 1]; the second half is the first half inverted. */
  readonly x: Float32Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

/** Number of classes (digits, or Fashion-MNIST's garment types). */
const CLASSES = 10;

/** The file `PREFIX-KIND` or `PREFIX-KIND.gz` in `dir`. */
function idxFile(dir: string, prefix: string, kind: string): string {
  const base = path.join(dir, `${prefix}-${kind}`);
  const found = [base, `${base}.gz`].find((candidate) => fs.existsSync(candidate));
  if (found === undefined) throw new Error(`--data ${dir}: expected ${prefix}-${kind} (raw or .gz), got no such file`);
  return found;
}

/** Reads `PREFIX-images-idx3-ubyte` and labels, keeps the first `limit` images, appends x → 1 − x. */
export function loadHostSet(dir: string, prefix: 'train' | 't10k', limit?: number): HostSet {
  const images = readIdxImages(idxFile(dir, prefix, 'images-idx3-ubyte'));
  const labels = readIdxLabels(idxFile(dir, prefix, 'labels-idx1-ubyte'));
  const n = Math.min(limit ?? images.count, images.count);
  const pixels = images.rows * images.cols;
  const x = new Float32Array(2 * n * pixels);
  for (let i = 0; i < n * pixels; i++) {
    const v = images.pixels[i]! / 255;
    x[i] = v;
    x[n * pixels + i] = 1 - v;
  }
  const both = new Uint8Array(2 * n);
  both.set(labels.subarray(0, n));
  both.set(labels.subarray(0, n), n);
  return { x, labels: both, count: 2 * n, rows: images.rows, cols: images.cols };
}

/** One batch on the device. */
export interface DeviceBatch {
  readonly x: tf.Tensor4D;
  readonly y: tf.Tensor2D;
}

/** Makes batches of the images `order[start … start + size)`; the caller disposes them. */
export interface BatchMaker {
  batch(order: Int32Array, start: number, size: number): DeviceBatch;
  dispose(): void;
}

/** Builds each batch in host memory and uploads it. */
export function uploadingBatches(set: HostSet): BatchMaker {
  const pixels = set.rows * set.cols;
  return {
    batch(order, start, size) {
      const xs = new Float32Array(size * pixels);
      const ys = new Float32Array(size * CLASSES);
      for (let j = 0; j < size; j++) {
        const i = order[start + j]!;
        xs.set(set.x.subarray(i * pixels, (i + 1) * pixels), j * pixels);
        ys[j * CLASSES + set.labels[i]!] = 1;
      }
      return { x: tf.tensor4d(xs, [size, set.rows, set.cols, 1]), y: tf.tensor2d(ys, [size, CLASSES]) };
    },
    dispose() {},
  };
}

/**
 * Uploads the whole set once and gathers batches on the device. Refuses a set larger than
 * `maxBindingBytes` (the adapter's maxStorageBufferBindingSize: 128 MiB on Mesa's llvmpipe).
 */
export function residentBatches(set: HostSet, maxBindingBytes: number): BatchMaker {
  const bytes = set.x.byteLength;
  if (bytes > maxBindingBytes) {
    throw new Error(`--resident: expected the training set to fit one storage binding (${maxBindingBytes} bytes), got ${bytes} bytes`);
  }
  const x = tf.tensor4d(set.x, [set.count, set.rows, set.cols, 1]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(set.labels, 'int32'), CLASSES), 'float32') as tf.Tensor2D);
  return {
    batch(order, start, size) {
      const idx = tf.tensor1d(order.subarray(start, start + size), 'int32');
      const batch = { x: tf.gather(x, idx) as tf.Tensor4D, y: tf.gather(y, idx) as tf.Tensor2D };
      idx.dispose();
      return batch;
    },
    dispose() {
      tf.dispose([x, y]);
    },
  };
}
