/**
 * Mish (its derivative forms are checked with every catalog form, in catalog-forms.test.ts): the
 * Swish·Δ form and Mish′(0), the closed form of tanh(softplus x), the minimum −0.30884…, monotonicity on each side of it, the
 * removable singularity of Mish(x)/x at 0, its relation to Swish, and its limits.
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, derive, sub } from '../src/symbolic/index.ts';
import { real } from './_internals/catalog-points.ts';
import { assertAgreeAt, assertClose, big, expr, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const entry = builtinCatalog().get('mish');
const mish = entry.definition;
const dMish = derive(mish, 'x');

/** argmin Mish and min Mish to 40 digits (mpmath: findroot of Mish′ from −1.19). */
const MISH_ARGMIN = '-1.192431214515495212137588340420739405601';
const MISH_MIN = '-0.3088434130172504066287602290419537284596';
/** Runs of the Mish suites: its reference evaluation is the slowest of the activations. */
const MISH_RUNS = 10;
const x = real(-40, 40, [0, Number(MISH_ARGMIN)]);
const nonZero = x.filter((v) => Math.abs(v) > 1e-12);

describe('mish', () => {
  propertyTest('mish.derivative.swish-delta', "Mish' = Mish/x + Swish·sech²(softplus x) for x ≠ 0, and Mish'(0) = tanh(ln 2) = 3/5", () =>
    fc.property(nonZero, (v) => {
      assertAgreeAt(dMish, expr('mish(x)/x + swish(x)*sech(softplus(x))^2'), { x: v });
      assertClose(valueAt(dMish, { x: 0 }), big('0.6'), "Mish'(0)", { rel: 1e-28 });
    }), MISH_RUNS);
  propertyTest('mish.removable-singularity', 'Mish(x)/x → 3/5 as x → 0: |Mish(x)/x − 3/5| <= max(|x|, 1e-28) for 0 < |x| <= 1e-3', () =>
    fc.property(real(-1e-3, 1e-3).filter((v) => v !== 0), (v) =>
      valueAt(expr('mish(x)/x - 0.6'), { x: v }).abs().lte(Math.max(Math.abs(v), 1e-28))), MISH_RUNS);
  propertyTest('mish.tanh-softplus', 'tanh(softplus x) = (e^{2x} + 2e^x)/(e^{2x} + 2e^x + 2)', () =>
    fc.property(x, (v) => assertAgreeAt(expr('tanh(softplus(x))'), expr('(exp(2x) + 2exp(x))/(exp(2x) + 2exp(x) + 2)'), { x: v })), MISH_RUNS);
  propertyTest('mish.minimum', `Mish(x) >= ${MISH_MIN.slice(0, 12)}…, attained at x = ${MISH_ARGMIN.slice(0, 9)}… where Mish' = 0`, () =>
    fc.property(real(-60, 60, [Number(MISH_ARGMIN)]), (v) => {
      assertClose(valueAt(mish, { x: MISH_ARGMIN }), big(MISH_MIN), 'Mish at its argmin', { rel: 1e-28 });
      assertClose(valueAt(dMish, { x: MISH_ARGMIN }), big(0), "Mish' at its argmin", { abs: 1e-28 });
      return valueAt(sub(mish, expr(MISH_MIN)), { x: v }).gte(-1e-29);
    }), MISH_RUNS);
  propertyTest('mish.catalog-minimum-fact', "the catalog's minimum fact (x ≈ −1.1924, value ≈ −0.3088434) is within its stated digits", () =>
    fc.property(fc.constant(null), () => {
      const fact = entry.facts.find((f) => f.kind === 'minimum');
      if (!fact || fact.kind !== 'minimum') throw new Error('mish: no minimum fact in the catalog');
      return Math.abs(fact.at - Number(MISH_ARGMIN)) < 1e-4 && Math.abs(fact.value - Number(MISH_MIN)) < 1e-7;
    }), 1);
  propertyTest('mish.monotonic', "Mish decreases left of its argmin and increases right of it (sign of Mish')", () =>
    fc.property(real(-60, 60, [Number(MISH_ARGMIN)]), (v) => {
      const d = valueAt(dMish, { x: v });
      const offset = v - Number(MISH_ARGMIN);
      return Math.abs(offset) < 1e-12 || (offset < 0 ? d.lt(0) : d.gt(0));
    }), MISH_RUNS);
  propertyTest('mish.versus-swish', '(Mish(x) − Swish(x))·x >= 0: tanh(softplus x) > σ(x) everywhere', () =>
    fc.property(x, (v) => valueAt(expr('tanh(softplus(x)) - sigmoid(x)'), { x: v }).gt(0) && valueAt(expr('(mish(x) - swish(x))*x'), { x: v }).gte(0)), MISH_RUNS);
  propertyTest('mish.limits', "0 < x − Mish(x) < 2x e^{−2x} and −2x e^{−x} < Mish(−x) < 0 for x in [1, 30]; Mish'(x) → 1", () =>
    fc.property(real(1, 30), (L) => {
      const right = valueAt(sub(expr('x'), mish), { x: L });
      const left = valueAt(mish, { x: -L });
      const slope = valueAt(sub(expr('1'), dMish), { x: L }).abs();
      return right.gt(0) && right.lt(valueAt('2*x*exp(-2x)', { x: L })) && left.lt(0) && left.gt(valueAt('-2*x*exp(-x)', { x: L }))
        && slope.lt(valueAt('4*(x + 1)*exp(-2x)', { x: L }));
    }), MISH_RUNS);
});
