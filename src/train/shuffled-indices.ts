/**
 * A seeded permutation of row indices, for deterministic shuffles and splits.
 */
import type { RandomSource } from '../numeric/index.ts';

/** Fisher–Yates shuffle of `0 … n−1`, deterministic for a given `random`. */
export function shuffledIndices(n: number, random: RandomSource): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx;
}
