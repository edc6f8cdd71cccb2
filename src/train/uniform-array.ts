/**
 * Seeded uniform test data and initial values as float32 arrays.
 */
import type { RandomSource } from '../numeric/index.ts';

/** `n` floats uniform in [lo, hi), from `random`. */
export function uniformArray(n: number, random: RandomSource, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * random();
  return out;
}
