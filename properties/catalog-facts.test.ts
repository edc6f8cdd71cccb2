/**
 * The catalog's facts, checked against the functions they describe: limits of f and f′ at ±∞,
 * bounds, minima, monotonicity and smoothness (no kink anywhere, including 0, when an entry says
 * it is smooth). Kinks are checked in relu-family.test.ts.
 */
import fc from 'fast-check';
import type { MathNode } from 'mathjs';
import { describe } from 'vitest';
import { builtinCatalog, derive, type CatalogEntry, type Fact } from '../src/symbolic/index.ts';
import { real } from './_internals/catalog-points.ts';
import { big, valueAt } from './_internals/precise.ts';
import { PRECISE_RUNS, propertyTest } from './_internals/property-test.ts';

/** Limits are checked on [LIMIT_FROM, LIMIT_TO]: far enough that every catalog tail is below 1e-12. */
const LIMIT_FROM = 40;
const LIMIT_TO = 1e4;
/** Tolerance of a finite limit at |x| >= 40 (the slowest catalog tail, x e^{−x}, is ~2e-16 there). */
const LIMIT_TOL = 1e-12;
/** One-sided difference step of the smoothness check, and its tolerance (O(step·f″)). */
const SMOOTH_STEP = 1e-12;
const SMOOTH_TOL = 1e-9;

const activations = builtinCatalog().entries.filter((e) => e.kind === 'activation' && e.variables.length === 1);
const params = (entry: CatalogEntry): Record<string, number> => Object.fromEntries(entry.parameters.map((p) => [p.name, p.default]));

function describeFact(fact: Fact): string {
  switch (fact.kind) {
    case 'limit': return `limit of ${fact.of} at ${fact.at} is ${fact.value}`;
    case 'bound': return `bounded ${fact.lower ?? '−∞'} <= f <= ${fact.upper ?? '∞'}`;
    case 'minimum': return `minimum ${fact.value} at x = ${fact.at}`;
    case 'monotonic': return `${fact.increasing ? 'increasing' : 'decreasing'}${fact.on ? ` on [${fact.on.min}, ${fact.on.max}]` : ''}`;
    case 'smooth': return fact.smooth ? 'smooth (no kink)' : 'not smooth';
    case 'kink': return `kink at ${fact.at}`;
  }
}

/** A property of two numbers (the second unused by one-point facts), so every fact has one type. */
type FactProperty = fc.IProperty<[number, number]>;
const pair = (a: fc.Arbitrary<number>, b: fc.Arbitrary<number>, predicate: (u: number, v: number) => boolean): FactProperty => fc.property(a, b, predicate);

function factProperty(entry: CatalogEntry, fact: Fact, f: MathNode, df: MathNode): FactProperty | undefined {
  const p = params(entry);
  const at = (node: MathNode, x: number | string) => valueAt(node, { x, ...p });
  const x = real(-40, 40, [0, -1.2]);
  switch (fact.kind) {
    case 'limit':
      return pair(real(LIMIT_FROM, LIMIT_TO), fc.constant(0), (L) => {
        const v = at(fact.of === 'f' ? f : df, fact.at === '+inf' ? L : -L);
        if (fact.value === '+inf') return v.gt(L / 4);
        if (fact.value === '-inf') return v.lt(-L / 4);
        return v.minus(fact.value).abs().lt(LIMIT_TOL);
      });
    case 'bound':
      return pair(x, fc.constant(0), (v) => {
        const y = at(f, v);
        return (fact.lower === undefined || y.gte(fact.lower)) && (fact.upper === undefined || y.lte(fact.upper));
      });
    case 'minimum':
      return pair(x, fc.constant(0), (v) => at(f, v).gte(fact.value - 1e-6) && at(f, fact.at).minus(fact.value).abs().lt(1e-6));
    case 'monotonic':
      return pair(x, x, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const inside = (v: number) => !fact.on || (v >= fact.on.min && v <= fact.on.max);
        if (!inside(lo) || !inside(hi)) return true;
        return fact.increasing ? at(f, lo).lte(at(f, hi)) : at(f, lo).gte(at(f, hi));
      });
    case 'smooth':
      if (!fact.smooth) return undefined;
      return pair(x, fc.constant(0), (v) => {
        const h = big(SMOOTH_STEP);
        const centre = at(f, v);
        const right = at(f, big(v).plus(h).toString()).minus(centre).div(h);
        const left = centre.minus(at(f, big(v).minus(h).toString())).div(h);
        return right.minus(left).abs().lte(big(SMOOTH_TOL).times(big(1).plus(at(df, v).abs())));
      });
    case 'kink':
      return undefined;
  }
}

for (const entry of activations) {
  const f = entry.definition;
  const df = derive(f, 'x');
  const checked = entry.facts.map((fact, i) => ({ fact, i, property: factProperty(entry, fact, f, df) })).filter((c) => c.property);
  if (checked.length === 0) continue;
  describe(`${entry.name} facts`, () => {
    for (const { fact, i, property } of checked) {
      propertyTest(`fact.${entry.name}.${i}`, `${entry.name}: ${describeFact(fact)}`, () => property!, fact.kind === 'limit' ? 10 : PRECISE_RUNS);
    }
  });
}
