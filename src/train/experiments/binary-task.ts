/**
 * The binary task of Q2, made from the same digits as Q3: **parity** (label 1 for an odd digit,
 * 0 for an even one). Chosen over "is it 0…4" because it is balanced (MNIST's odd and even digits
 * are ~49% / 51%) and not a contiguous range of shapes, so a small CNN neither solves it at once
 * nor fails; the inverted copies keep their label.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from '../batches.ts';
import { gatherRows, type Split } from '../split.ts';

/** The binary target of a digit label: 1 for odd, 0 for even. */
export function parityTarget(label: number): number {
  return label % 2;
}

/** Images `order[start … end)` (or `start … end` when `order` is null) with parity targets of shape [n, 1]. */
export function parityBatch(split: Split, order: ArrayLike<number> | null, start: number, end: number): Batch {
  const rows = gatherRows(split, order, start, end);
  const targets = Float32Array.from(rows.labels, parityTarget);
  return { x: tf.tensor4d(rows.images, [rows.count, rows.rows, rows.cols, 1]), y: tf.tensor2d(targets, [rows.count, 1]), size: rows.count };
}
