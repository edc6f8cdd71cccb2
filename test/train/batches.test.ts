import { beforeAll, describe, expect, it } from 'vitest';
import { makeBatch } from '../../src/train/batches.ts';
import { loadCpuEngine } from '../../src/train/engines/cpu.ts';
import { parityBatch } from '../../src/train/experiments/binary-task.ts';
import { gatherRows, type Split } from '../../src/train/split.ts';

/** Four 1×2 "images" whose pixels encode their row: row r is [r, r + 0.5]. */
const SPLIT: Split = { count: 4, rows: 1, cols: 2, images: Float32Array.from([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]), labels: Uint8Array.from([7, 2, 9, 4]) };

beforeAll(async () => {
  await loadCpuEngine();
});

describe('gatherRows', () => {
  it('copies rows in the given order, or a contiguous range without one', () => {
    const picked = gatherRows(SPLIT, [3, 0, 2], 1, 3);
    expect(picked.count).toBe(2);
    expect([...picked.images]).toEqual([0, 0.5, 2, 2.5]);
    expect([...picked.labels]).toEqual([7, 9]);
    const range = gatherRows(SPLIT, null, 1, 3);
    expect([...range.images]).toEqual([1, 1.5, 2, 2.5]);
    expect([...range.labels]).toEqual([2, 9]);
  });
});

describe('batches', () => {
  it('makeBatch gives NHWC images and one-hot labels', () => {
    const b = makeBatch(SPLIT, [2, 1], 0, 2, 10);
    expect(b.size).toBe(2);
    expect(b.x.shape).toEqual([2, 1, 2, 1]);
    expect([...b.x.dataSync()]).toEqual([2, 2.5, 1, 1.5]);
    const y = b.y.arraySync();
    expect(y.map((row) => row.indexOf(1))).toEqual([9, 2]);
    expect(y.every((row) => row.reduce((a, v) => a + v, 0) === 1)).toBe(true);
    b.x.dispose();
    b.y.dispose();
  });

  it('parityBatch gives the same images with parity targets of shape [n, 1]', () => {
    const b = parityBatch(SPLIT, null, 0, 4);
    expect([...b.x.dataSync()]).toEqual([...SPLIT.images]);
    expect(b.y.shape).toEqual([4, 1]);
    expect([...b.y.dataSync()]).toEqual([1, 0, 1, 0]);
    b.x.dispose();
    b.y.dispose();
  });
});
