/**
 * A set of labelled 28×28 grey images in [0, 1], stored flat (NHWC with one channel).
 */
import type { RandomSource } from '../numeric/index.ts';
import { shuffledIndices } from './shuffled-indices.ts';

/** Images and labels of one split (train, validation or test). */
export interface Split {
  /** Number of images. */
  readonly count: number;
  /** Image height and width in pixels. */
  readonly rows: number;
  readonly cols: number;
  /** `count × rows × cols` grey levels in [0, 1]. */
  readonly images: Float32Array;
  /** `count` class labels. */
  readonly labels: Uint8Array;
}

/** A split holding the images at `indices` of `source`, in that order. */
export function takeRows(source: Split, indices: ArrayLike<number>): Split {
  return gatherRows(source, indices, 0, indices.length);
}

/**
 * A split holding the images `order[start … end)` of `source` (`start … end` when `order` is
 * null), in that order: copies, so the result owns its arrays.
 */
export function gatherRows(source: Split, order: ArrayLike<number> | null, start: number, end: number): Split {
  const count = end - start;
  const size = source.rows * source.cols;
  const images = new Float32Array(count * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const j = order === null ? start + i : order[start + i];
    images.set(source.images.subarray(j * size, (j + 1) * size), i * size);
    labels[i] = source.labels[j];
  }
  return { count, rows: source.rows, cols: source.cols, images, labels };
}

/** `n` images of `source` chosen at random, kept in their original order (all when `n` is larger). */
export function sampleRows(source: Split, n: number, random: RandomSource): Split {
  if (n >= source.count) return source;
  return takeRows(source, shuffledIndices(source.count, random).slice(0, n).sort());
}

/**
 * `source` followed by its polarity-inverted copy (x → 1 − x), as in the source document's
 * "MNIST + inverted MNIST".
 */
export function withInverted(source: Split): Split {
  const n = source.images.length;
  const images = new Float32Array(2 * n);
  images.set(source.images);
  for (let i = 0; i < n; i++) images[n + i] = 1 - source.images[i];
  const labels = new Uint8Array(2 * source.count);
  labels.set(source.labels);
  labels.set(source.labels, source.count);
  return { ...source, count: 2 * source.count, images, labels };
}

/** Splits `source` into two random parts, the second with `fraction` of the images. */
export function randomSplit(source: Split, fraction: number, random: RandomSource): [Split, Split] {
  const order = shuffledIndices(source.count, random);
  const held = Math.round(source.count * fraction);
  const keep = order.slice(0, source.count - held).sort();
  const rest = order.slice(source.count - held).sort();
  return [takeRows(source, keep), takeRows(source, rest)];
}
