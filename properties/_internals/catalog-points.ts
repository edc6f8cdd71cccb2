/**
 * Internal: arbitraries of points inside a catalog entry's domain (variables and parameters),
 * for the high-precision suites. Values stay where the reference evaluator is fast and where a
 * central difference of step 1e-10 does not straddle a kink.
 */
import fc from 'fast-check';
import type { CatalogEntry, Interval } from '../../src/symbolic/index.ts';
import { finiteFloat } from '../float-arbitraries.ts';
import { DIFF_STEP } from './precise.ts';

/** Largest |value| of an unbounded variable in these suites: beyond it only the limit suites go. */
export const MODERATE = 40;
/** Largest |value| of an unbounded parameter (β, α). */
export const PARAMETER_RANGE = 5;
/** Distance kept from kinks and open ends, far more than the difference step 1e-10. */
export const KINK_MARGIN = 1e-6;

/** Values in `domain` clipped to ±`range`, biased to special values, staying KINK_MARGIN from `avoid`. */
export function valueIn(domain: Interval, range: number, avoid: readonly number[] = []): fc.Arbitrary<number> {
  const min = Math.max(domain.min, -range) + (domain.openMin || domain.min === -Infinity ? KINK_MARGIN : 0);
  const max = Math.min(domain.max, range) - (domain.openMax || domain.max === Infinity ? KINK_MARGIN : 0);
  return finiteFloat({ min, max, near: [...avoid, -1.2, 1].filter((p) => p > min && p < max) })
    .map((v) => (Object.is(v, -0) ? 0 : v))
    .filter((v) => avoid.every((k) => Math.abs(v - k) >= KINK_MARGIN));
}

/** A point of `entry`: every variable (within ±`range`) and parameter, away from the entry's kinks. */
export function entryPoint(entry: CatalogEntry, range = MODERATE): fc.Arbitrary<Record<string, number>> {
  const kinks = entry.facts.flatMap((f) => (f.kind === 'kink' ? [f.at] : []));
  const record: Record<string, fc.Arbitrary<number>> = {};
  for (const v of entry.variables) record[v.name] = valueIn(v.domain, range, kinks);
  for (const p of entry.parameters) record[p.name] = valueIn(p.domain, PARAMETER_RANGE);
  return fc.record(record);
}

/**
 * A difference step for `variable` at `point`: {@link DIFF_STEP} scaled down by the distance to
 * the nearest kink or open domain end (when under 1), so the stencil never reaches it and the
 * truncation error stays ~(step/distance)².
 */
export function stepFor(entry: CatalogEntry, variable: string, point: Readonly<Record<string, number>>): string {
  const x = point[variable]!;
  const spec = entry.variables.find((v) => v.name === variable) ?? entry.parameters.find((p) => p.name === variable);
  const kinks = entry.facts.flatMap((f) => (f.kind === 'kink' && f.variable === variable ? [f.at] : []));
  const openEnds = spec ? [spec.domain.openMin ? spec.domain.min : NaN, spec.domain.openMax ? spec.domain.max : NaN].filter(Number.isFinite) : [];
  const distance = Math.max(KINK_MARGIN, Math.min(1, ...[...kinks, ...openEnds].map((e) => Math.abs(x - e))));
  return (Number(DIFF_STEP) * distance).toExponential(3);
}

/** Reals in [min, max] (biased to specials, −0 read as 0) for the high-precision suites. */
export function real(min: number, max: number, near: readonly number[] = []): fc.Arbitrary<number> {
  return finiteFloat({ min, max, near: near.filter((p) => p > min && p < max) }).map((v) => (Object.is(v, -0) ? 0 : v));
}
