/**
 * The gradient checker against the catalog: it never fails on a correct catalog derivative
 * (any seed, float64 or float32, any parameter value), and it always fails on a mutated one —
 * a dropped factor, a flipped sign, a swapped function, a doubled term, a negated argument —
 * at points where the mutant really differs: at 30 digits and also in float64, the arithmetic
 * the checker evaluates it in (x·σ(βx)(1 − σ(βx)) with βx = 100 is exactly x·0 in float64, so a
 * mutant there is invisible to any float64 checker). Points are drawn from ±40 (the moderate
 * range of the high-precision suites, beyond the checker's default ±20).
 *
 * A mutant counts wherever its float64 value is far from the truth, whatever its worst-case
 * rounding bound: the checker's tolerance no longer grows like e^|x| with the input (it passed
 * f = x·σ(x), df = σ(x) + x·eˣ·(1 − σ(x)) at x = 29.84 with tolerance 29.84), and a pass that
 * relies on a rounding allowance large against the values (σ′ claimed as e^−x/(e^−x − 1)² at
 * x = 2⁻⁵²: analytic 2.03e31, numerical 0.25) is re-judged at 50 digits.
 */
import fc from 'fast-check';
import type { MathNode } from 'mathjs';
import { describe } from 'vitest';
import { gradcheck, gradcheckEntry } from '../src/gradcheck/index.ts';
import { compileExpression } from '../src/numeric/index.ts';
import { builtinCatalog, derive, type CatalogEntry } from '../src/symbolic/index.ts';
import { entryPoint } from './_internals/catalog-points.ts';
import { mutate, mutationArbitrary } from './_internals/mutate-expression.ts';
import { big, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const catalog = builtinCatalog();
/** Points per gradcheck call in these properties: each run is one full check. */
const POINTS = 20;
/** A mutant "really differs" at a point when |mutant − derivative| exceeds this relative size. */
const VISIBLE_DIFFERENCE = 1e-4;
/** A float64 mutant value counts only when its own rounding error is under 1/100 of its distance from the truth. */
const ROUNDING_SHARE = 100;
/** Check points per mutant. */
const MUTANT_POINTS = 4;

/** Entries by name, so counterexamples print a name rather than the whole entry. */
const entryArbitrary = fc.constantFrom(...catalog.entries.map((e) => e.name)).map((name) => catalog.get(name), (e) => (e as CatalogEntry).name);
/** Parameter values the checker sees: the defaults and random ones. */
const paramsFor = (entry: CatalogEntry) =>
  fc.tuple(...entry.parameters.map(() => fc.double({ min: -3, max: 3, noNaN: true }))).map((values) =>
    Object.fromEntries(entry.parameters.map((p, i) => [p.name, values[i]!])));

describe('gradcheck', () => {
  propertyTest('gradcheck.no-false-failure', 'gradcheckEntry passes every catalog derivative for any seed, dtype and parameter value', () =>
    fc.property(entryArbitrary.chain((entry) => fc.tuple(fc.constant(entry), paramsFor(entry))), fc.integer({ min: 0, max: 2 ** 30 }),
      fc.constantFrom<'float64' | 'float32'>('float64', 'float32'), ([entry, params], seed, dtype) => {
        const report = gradcheckEntry(entry, { seed, dtype, points: POINTS, params });
        if (report.status !== 'pass') throw new Error(`${entry.name} (${dtype}, seed ${seed}, ${JSON.stringify(params)}): ${JSON.stringify(report.worst)}`);
      }), 30);

  propertyTest('gradcheck.catches-mutants', 'gradcheck fails every mutated catalog derivative at points where the mutant differs', () => {
    const cases = entryArbitrary.chain((entry) => {
      const wrts = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
      const points = entryPoint(entry);
      return fc.tuple(fc.constant(entry), fc.constantFrom(...wrts), fc.array(points, { minLength: MUTANT_POINTS, maxLength: MUTANT_POINTS }), mutationArbitrary());
    });
    return fc.property(cases, ([entry, wrt, points, mutation]) => {
      const truth = derive(entry.definition, wrt);
      const mutant = mutate(truth, mutation);
      // Other symbols are fixed at the first point's values; the checked one varies over the points.
      const base = points[0]!;
      const at = points.map((p) => p[wrt]!);
      const names = Object.keys(base);
      const mutant64 = compileExpression(mutant, { variables: names });
      const differing = at.filter((v) => {
        const values = names.map((n) => (n === wrt ? v : base[n]!));
        return visiblyDiffers(truth, mutant, mutant64.evaluate(values), { ...base, [wrt]: v });
      });
      fc.pre(differing.length > 0);
      const params = Object.fromEntries(Object.entries(base).filter(([k]) => k !== wrt));
      const domain = [...entry.variables, ...entry.parameters].find((s) => s.name === wrt)!.domain;
      const report = gradcheck({ f: entry.definition, df: mutant, variable: wrt, params, at: differing, domain });
      if (report.status !== 'fail') {
        throw new Error(`${entry.name}: mutant ${mutant.toString()} of d/d${wrt} = ${truth.toString()} passed at ${wrt} = ${differing.join(', ')} (${JSON.stringify(params)})`);
      }
    });
  }, 40);
});

/**
 * True when `mutant` differs visibly from `truth` at `point` (both defined there), both exactly
 * and as float64 evaluates it (`mutant64`): its float64 value is far from the true derivative
 * while its own actual float64 rounding error is small against that distance. (No worst-case
 * rounding bound is asked for: where the checker's rounding allowance is large it re-judges the
 * analytic expression at 50 digits.)
 */
function visiblyDiffers(truth: MathNode, mutant: MathNode, mutant64: number, point: Record<string, number>): boolean {
  const t = valueAt(truth, point);
  const m = valueAt(mutant, point);
  if (!t.isFinite() || !m.isFinite() || !Number.isFinite(mutant64)) return false;
  const allowed = t.abs().plus(1).times(VISIBLE_DIFFERENCE);
  const distance64 = big(mutant64).minus(t).abs();
  const rounding64 = big(mutant64).minus(m).abs();
  const share = distance64.div(ROUNDING_SHARE);
  return m.minus(t).abs().gt(allowed) && distance64.gt(allowed) && rounding64.lt(share);
}
