/**
 * Swish and Swish-β (both the x·σ(βx) and the 2x·σ(βx) forms): derivative identities, the
 * parameter derivative, the minimum −W(1/e), monotonicity on each side of it, limits at ±∞, and
 * the β → 0 and β → ∞ limits — each statement for the form it is true of.
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, derive, sub } from '../src/symbolic/index.ts';
import { real } from './_internals/catalog-points.ts';
import { assertAgreeAt, assertClose, big, expr, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const catalog = builtinCatalog();
const swish = catalog.get('swish').definition;
const swishBeta = catalog.get('swish_beta').definition;
const swish2Beta = catalog.get('swish_2beta').definition;
const dSwish = derive(swish, 'x');

/** W(1/e) (Lambert W, principal branch) to 40 digits (mpmath `lambertw(1/e)`): −min Swish. */
const W_INV_E = '0.2784645427610737951093587390229801554395';
/** argmin Swish = −(1 + W(1/e)) (mpmath). */
const SWISH_ARGMIN = '-1.278464542761073795109358739022980155439';
/** Largest x where x − Swish(x) = x e^{−x}(1 − e^{−x} + …) is told apart from x e^{−x} at 45 working digits. */
const TAIL_MAX = 30;
const x = real(-40, 40, [0, Number(SWISH_ARGMIN)]);
const beta = real(-5, 5, [0, 1]);

describe('swish', () => {
  propertyTest('swish.derivative.self', "Swish' = Swish + σ(1 − Swish) (derived from x·σ(x))", () =>
    fc.property(x, (v) => assertAgreeAt(dSwish, expr('swish(x) + sigmoid(x)*(1 - swish(x))'), { x: v })));
  propertyTest('swish.derivative.product', "Swish' = σ + xσ(1 − σ)", () =>
    fc.property(x, (v) => assertAgreeAt(dSwish, expr('sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))'), { x: v })));
  propertyTest('swish.minimum', 'Swish(x) >= −W(1/e), with equality and Swish′ = 0 at x = −(1 + W(1/e))', () =>
    fc.property(real(-60, 60, [Number(SWISH_ARGMIN)]), (v) => {
      const floor = big(W_INV_E).neg();
      assertClose(valueAt(swish, { x: SWISH_ARGMIN }), floor, 'Swish at its argmin', { rel: 1e-28 });
      assertClose(valueAt(dSwish, { x: SWISH_ARGMIN }), big(0), "Swish' at its argmin", { abs: 1e-28 });
      return valueAt(sub(swish, expr(`-${W_INV_E}`)), { x: v }).gte(-1e-29);
    }));
  propertyTest('swish.monotonic', 'Swish decreases left of −(1 + W(1/e)) and increases right of it (sign of Swish′)', () =>
    fc.property(real(-60, 60, [Number(SWISH_ARGMIN)]), (v) => {
      const d = valueAt(dSwish, { x: v });
      const offset = v - Number(SWISH_ARGMIN);
      return Math.abs(offset) < 1e-12 || (offset < 0 ? d.lt(0) : d.gt(0));
    }));
  propertyTest('swish.below-relu', 'Swish(x) <= max(0, x), with equality only at 0', () =>
    fc.property(x, (v) => {
      const gap = valueAt(sub(expr('max(0, x)'), swish), { x: v });
      return v === 0 ? gap.isZero() : gap.gt(0);
    }));
  propertyTest('swish.limits', 'x − Swish(x) ∈ (0, x e^{−x}) and Swish(−x) ∈ (−x e^{−x}, 0) for x in [1, 30]; Swish′(x) → 1, Swish′(−x) → 0', () =>
    fc.property(real(1, TAIL_MAX), (L) => {
      const bound = valueAt('x*exp(-x)', { x: L });
      const right = valueAt(sub(expr('x'), swish), { x: L });
      const left = valueAt(swish, { x: -L });
      const slopeRight = valueAt(sub(expr('1'), dSwish), { x: L }).abs();
      const slopeLeft = valueAt(dSwish, { x: -L }).abs();
      const slopeBound = valueAt('(x + 1)*exp(-x)', { x: L });
      return right.gt(0) && right.lt(bound) && left.lt(0) && left.gt(bound.neg()) && slopeRight.lt(slopeBound) && slopeLeft.lt(slopeBound);
    }));
});

describe('swish_beta', () => {
  propertyTest('swish_beta.d-beta', '∂/∂β x·σ(βx) = x² σ(βx)(1 − σ(βx))', () =>
    fc.property(x, beta, (v, b) => assertAgreeAt(derive(swishBeta, 'beta'), expr('x^2*sigmoid(beta*x)*(1 - sigmoid(beta*x))'), { x: v, beta: b })));
  propertyTest('swish_beta.d-x', '∂/∂x x·σ(βx) = σ(βx) + βx σ(βx)(1 − σ(βx))', () =>
    fc.property(x, beta, (v, b) => assertAgreeAt(derive(swishBeta, 'x'), expr('sigmoid(beta*x) + beta*x*sigmoid(beta*x)*(1 - sigmoid(beta*x))'), { x: v, beta: b })));
  propertyTest('swish_beta.beta-one', 'β = 1 gives Swish, and x·σ(βx) = Swish(βx)/β for β ≠ 0', () =>
    fc.property(x, beta, (v, b) => {
      assertAgreeAt(swishBeta, swish, { x: v, beta: 1 });
      if (Math.abs(b) > 1e-3) assertAgreeAt(swishBeta, expr('swish(beta*x)/beta'), { x: v, beta: b });
    }));
  propertyTest('swish_beta.beta-to-zero', 'x·σ(βx) → x/2 as β → 0: |x·σ(βx) − x/2| <= |β|x²/4, equality of values at β = 0', () =>
    fc.property(x, real(-1, 1, [0]), (v, b) => {
      assertAgreeAt(swishBeta, expr('x/2'), { x: v, beta: 0 });
      const gap = valueAt(sub(swishBeta, expr('x/2')), { x: v, beta: b }).abs();
      return gap.lte(big(Math.abs(b)).times(v * v).div(4).plus(1e-28));
    }));
  propertyTest('swish_beta.beta-to-infinity', 'x·σ(βx) → ReLU(x) as β → ∞: |x·σ(βx) − ReLU(x)| <= |x| e^{−β|x|}', () =>
    fc.property(x, real(1, 1e4), (v, b) => {
      const gap = valueAt(sub(swishBeta, expr('relu(x)')), { x: v, beta: b }).abs();
      return gap.lte(valueAt('abs(x)*exp(-beta*abs(x))', { x: v, beta: b }).plus(1e-28));
    }));
});

describe('swish_2beta', () => {
  propertyTest('swish_2beta.d-beta', '∂/∂β 2x·σ(βx) = 2x² σ(βx)(1 − σ(βx))', () =>
    fc.property(x, beta, (v, b) => assertAgreeAt(derive(swish2Beta, 'beta'), expr('2*x^2*sigmoid(beta*x)*(1 - sigmoid(beta*x))'), { x: v, beta: b })));
  propertyTest('swish_2beta.twice', '2x·σ(βx) = 2 · Swish-β(x)', () =>
    fc.property(x, beta, (v, b) => assertClose(valueAt(swish2Beta, { x: v, beta: b }), valueAt(swishBeta, { x: v, beta: b }).times(2), `2x·σ(βx) vs 2·x·σ(βx) at x = ${v}, β = ${b}`, { rel: 1e-28 })));
  propertyTest('swish_2beta.beta-to-zero', '2x·σ(βx) → x (the identity, not x/2) as β → 0: |2x·σ(βx) − x| <= |β|x²/2', () =>
    fc.property(x, real(-1, 1, [0]), (v, b) => {
      assertAgreeAt(swish2Beta, expr('x'), { x: v, beta: 0 });
      const gap = valueAt(sub(swish2Beta, expr('x')), { x: v, beta: b }).abs();
      return gap.lte(big(Math.abs(b)).times(v * v).div(2).plus(1e-28));
    }));
  propertyTest('swish_2beta.beta-to-infinity', '2x·σ(βx) → 2·ReLU(x), not ReLU(x), as β → ∞', () =>
    fc.property(x, real(1, 1e4), (v, b) => {
      const gap = valueAt(sub(swish2Beta, expr('2*relu(x)')), { x: v, beta: b }).abs();
      const offRelu = valueAt(sub(swish2Beta, expr('relu(x)')), { x: v, beta: b }).abs();
      const tight = gap.lte(valueAt('2*abs(x)*exp(-beta*abs(x))', { x: v, beta: b }).plus(1e-28));
      // For x > 0 the distance to ReLU stays about x: the form does not tend to ReLU.
      return tight && (v <= 1e-3 || b * v < 20 || offRelu.gt(big(v).div(2)));
    }));
});
