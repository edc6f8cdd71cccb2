/**
 * The points a check visits: an even grid, seeded random points with log-uniform magnitudes
 * (so 1e-300 and 600 are both visited) and special points: 0, ±tiny (subnormal and 1e-300),
 * ±1, the ends of the range, and points at and next to kinks and minima.
 */
import { seededRandom } from '../numeric/index.ts';

/** Options of {@link samplePoints}. */
export interface SampleOptions {
  /** Total number of points (at least the number of special points). */
  readonly count: number;
  /** Closed range [lo, hi] to sample from. */
  readonly range: readonly [number, number];
  readonly seed: number;
  /** Kink locations (visited exactly and at ±1e-9, ±1e-3 around them). */
  readonly kinks?: readonly number[];
  /** Minima locations (visited exactly and at ±1e-3 around them). */
  readonly minima?: readonly number[];
  /** Exclude the ends themselves (open domain). */
  readonly open?: boolean;
}

/** Smallest magnitude of the log-uniform sampler: the smallest subnormal. */
const TINIEST = 5e-324;
/** Offsets around kinks: inside the FD stencil of a naive checker, and well outside it. */
const KINK_OFFSETS = [1e-9, 1e-3];
/** Offsets around minima, where derivatives cross zero and relative errors mislead. */
const MINIMUM_OFFSETS = [1e-3];

/**
 * Sampled values of one variable, sorted, without duplicates.
 * @example samplePoints({ count: 100, range: [-20, 20], seed: 1 }).length // 100
 */
export function samplePoints(options: SampleOptions): number[] {
  const [lo, hi] = options.range;
  const inside = (x: number) => (options.open ? x > lo && x < hi : x >= lo && x <= hi);
  const specials: number[] = [0, -0, TINIEST, -TINIEST, 1e-300, -1e-300, 1e-8, -1e-8, 1, -1, lo, hi];
  for (const k of options.kinks ?? []) for (const d of [0, ...KINK_OFFSETS]) specials.push(k - d, k + d);
  for (const m of options.minima ?? []) for (const d of [0, ...MINIMUM_OFFSETS]) specials.push(m - d, m + d);
  const chosen = new Set<number>(specials.filter(inside));
  const rand = seededRandom(options.seed);
  const gridCount = Math.max(0, Math.floor((options.count - chosen.size) / 2));
  for (let i = 0; i < gridCount && chosen.size < options.count; i++) {
    const x = lo + ((hi - lo) * (i + 0.5)) / gridCount;
    if (inside(x)) chosen.add(x);
  }
  const maxMagnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const logLo = Math.log(TINIEST), logHi = Math.log(Math.max(maxMagnitude, 1));
  let attempts = 0;
  while (chosen.size < options.count && attempts++ < options.count * 20) {
    const r = rand();
    // half uniform over the range, half log-uniform in magnitude with a random sign
    const x = r < 0.5
      ? lo + (hi - lo) * rand()
      : (rand() < 0.5 ? -1 : 1) * Math.exp(logLo + (logHi - logLo) * rand());
    if (inside(x)) chosen.add(x);
  }
  return [...chosen].sort((a, b) => a - b);
}
