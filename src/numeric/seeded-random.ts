/**
 * A small, fast, seeded pseudo-random generator so every sampled point can be reproduced from
 * its seed. Algorithm: mulberry32 (Tommy Ettinger), 32-bit state, period 2^32: plenty for
 * choosing test points, not for cryptography.
 */

/** A generator of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * A seeded uniform generator on [0, 1).
 * @example const rand = seededRandom(42); rand() // same value on every run
 */
export function seededRandom(seed: number): RandomSource {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
