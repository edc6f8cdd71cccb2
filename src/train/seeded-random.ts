/**
 * A small seeded pseudo-random generator (mulberry32) for deterministic shuffles, splits and
 * test data. Not for cryptography.
 */

/** A generator of uniform floats in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 by Tommy Ettinger (public domain): a 32-bit state, full period 2³², good enough
 * statistical quality for shuffling and initialisation seeds.
 */
export function seededRandom(seed: number): RandomSource {
  let state = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** `n` floats uniform in [lo, hi), from `random`. */
export function uniformArray(n: number, random: RandomSource, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * random();
  return out;
}
