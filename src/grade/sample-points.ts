/**
 * Where answers are compared numerically: seeded random points inside each symbol's domain,
 * rounded to short decimals so a witness point reads well and is exact in high precision.
 */
import { seededRandom } from '../numeric/index.ts';
import type { SymbolDomain } from './grading-problem.ts';
import { samplingDomain } from './grading-problem.ts';

/** Points per comparison: enough that two different elementary functions agree at all of them only by accident of measure zero. */
export const DEFAULT_SAMPLE_COUNT = 24;

/** Decimal places of sample coordinates (0.731, −2.418): exact in decimal, readable in a witness. */
const SAMPLE_DECIMALS = 3;

/** A point: symbol name -> value. */
export type SamplePoint = Readonly<Record<string, number>>;

/** `count` points inside the symbols' domains (open ends excluded), reproducible from `seed`. */
export function samplePoints(symbols: readonly SymbolDomain[], count = DEFAULT_SAMPLE_COUNT, seed = 20_240_531): SamplePoint[] {
  const random = seededRandom(seed);
  const step = 10 ** -SAMPLE_DECIMALS;
  const points: SamplePoint[] = [];
  for (let k = 0; k < count; k++) {
    const point: Record<string, number> = {};
    for (const s of symbols) {
      const d = samplingDomain(s.domain);
      const lo = d.min + (d.openMin || d.min === d.max ? step : 0);
      const hi = Math.max(lo, d.max - (d.openMax ? step : 0));
      const raw = lo + (hi - lo) * random();
      point[s.name] = Number(Math.min(hi, Math.max(lo, raw)).toFixed(SAMPLE_DECIMALS));
    }
    points.push(point);
  }
  return points;
}
