/**
 * The losses: BCE (≥ 0, BCE(0.5, y) = ln 2, minimum at a = y, unbounded above), MSE (in [0, 1]
 * on [0, 1]², MSE(0.5, y) = 1/4 for y ∈ {0, 1}), BCE with logits (stable form = definition,
 * gradient σ(z) − y) and softmax cross-entropy (stable form, shift invariance, gradient).
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, derive } from '../src/symbolic/index.ts';
import { real } from './_internals/catalog-points.ts';
import { assertAgreeAt, assertClose, big, expr, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const catalog = builtinCatalog();
const bce = catalog.get('bce');
const mse = catalog.get('mse');
const logits = catalog.get('bce_logits');
const softmax = catalog.get('softmax_cross_entropy');
/** Predictions strictly inside (0, 1), reaching 1e-12 of either end. */
const prediction = real(1e-12, 1 - 1e-12, [0.5]);
const unit = real(0, 1, [0, 0.5, 1]);
const label = fc.constantFrom(0, 1);
const logit = real(-40, 40, [0]);
/** Runs of the softmax properties: 9 exponentials per evaluation at 30 digits. */
const SOFTMAX_RUNS = 6;

describe('bce', () => {
  propertyTest('bce.non-negative', 'BCE(a, y) >= 0 for a ∈ (0, 1), y ∈ [0, 1] (it is at least the entropy of y)', () =>
    fc.property(prediction, unit, (a, y) => valueAt(bce.definition, { a, y }).gte(0)));
  propertyTest('bce.half', 'BCE(0.5, y) = ln 2 for every y', () =>
    fc.property(unit, (y) => assertClose(valueAt(bce.definition, { a: 0.5, y }), valueAt('log(2)', {}), `BCE(0.5, ${y})`, { rel: 1e-28 })));
  propertyTest('bce.minimum-at-target', 'BCE(a, y) >= BCE(y, y) for y ∈ (0, 1) (Gibbs), with ∂BCE/∂a = 0 at a = y', () =>
    fc.property(prediction, prediction, (a, y) => {
      assertClose(valueAt(derive(bce.definition, 'a'), { a: y, y }), big(0), `∂BCE/∂a at a = y = ${y}`, { abs: 1e-15 });
      return valueAt(bce.definition, { a, y }).gte(valueAt(bce.definition, { a: y, y }).minus(1e-28));
    }));
  propertyTest('bce.gradient', '∂BCE/∂a = (a − y)/(a(1 − a))', () =>
    fc.property(prediction, unit, (a, y) => assertAgreeAt(derive(bce.definition, 'a'), expr('(a - y)/(a*(1 - a))'), { a, y }, { rel: 1e-22, abs: 1e-22 })));
  propertyTest('bce.unbounded', 'sup BCE = ∞: BCE(a, 1) = −ln a > N for a < e^{−N}', () =>
    fc.property(real(1, 1e4), (n) => valueAt(bce.definition, { a: valueAt('exp(-n)/2', { n }).toString(), y: 1 }).gt(n)), 15);
});

describe('mse', () => {
  propertyTest('mse.unit-square', 'MSE(a, y) ∈ [0, 1] on [0, 1]², 1 only at the corners (0, 1) and (1, 0)', () =>
    fc.property(unit, unit, (a, y) => {
      const v = valueAt(mse.definition, { a, y });
      return v.gte(0) && v.lte(1) && (v.eq(1) === (Math.abs(a - y) === 1));
    }));
  propertyTest('mse.half', 'MSE(0.5, y) = 1/4 for y ∈ {0, 1}', () =>
    fc.property(label, (y) => valueAt(mse.definition, { a: 0.5, y }).eq(0.25)), 4);
  propertyTest('mse.gradient-symmetry', '∂MSE/∂a = 2(a − y) and MSE(a, y) = MSE(y, a)', () =>
    fc.property(unit, unit, (a, y) => {
      assertAgreeAt(derive(mse.definition, 'a'), expr('2*(a - y)'), { a, y });
      return valueAt(mse.definition, { a, y }).eq(valueAt(mse.definition, { a: y, y: a }));
    }));
});

describe('bce_logits', () => {
  propertyTest('bce_logits.stable', 'softplus(z) − yz equals the definition −y ln σ(z) − (1 − y) ln(1 − σ(z))', () =>
    fc.property(logit, unit, (z, y) => assertAgreeAt(logits.stable!, logits.definition, { z, y }, { rel: 1e-20, abs: 1e-24 })));
  propertyTest('bce_logits.gradient', '∂/∂z = σ(z) − y', () =>
    fc.property(logit, unit, (z, y) => assertAgreeAt(derive(logits.definition, 'z'), expr('sigmoid(z) - y'), { z, y }, { rel: 1e-20, abs: 1e-24 })));
  propertyTest('bce_logits.composition', 'BCE-with-logits(z, y) = BCE(σ(z), y), and >= 0 for y ∈ {0, 1}', () =>
    fc.property(real(-30, 30, [0]), label, (z, y) => {
      const a = valueAt('sigmoid(z)', { z }).toString();
      assertClose(valueAt(logits.stable!, { z, y }), valueAt(bce.definition, { a, y }), `at z = ${z}, y = ${y}`, { rel: 1e-15, abs: 1e-24 });
      return valueAt(logits.stable!, { z, y }).gte(0);
    }));
});

describe('softmax_cross_entropy', () => {
  const zs = fc.tuple(logit, logit, logit);
  const probabilities = fc.tuple(unit, unit).map(([p, q]) => [Math.min(p, q), Math.abs(p - q), 1 - Math.max(p, q)] as const);
  const point = (z: readonly number[], y: readonly number[]) => ({ z1: z[0]!, z2: z[1]!, z3: z[2]!, y1: y[0]!, y2: y[1]!, y3: y[2]! });
  propertyTest('softmax.stable', 'the stable form equals the definition', () =>
    fc.property(zs, probabilities, (z, y) => assertAgreeAt(softmax.stable!, softmax.definition, point(z, y), { rel: 1e-20, abs: 1e-24 })), SOFTMAX_RUNS);
  propertyTest('softmax.shift', 'adding c to every logit changes nothing; the loss is >= 0 for a probability vector y', () =>
    fc.property(zs, probabilities, real(-50, 50), (z, y, c) => {
      const before = valueAt(softmax.stable!, point(z, y));
      const after = valueAt(softmax.stable!, point(z.map((v) => v + c), y));
      assertClose(after, before, `shift by ${c}`, { rel: 1e-13, abs: 1e-13 });
      return before.gte(0);
    }), SOFTMAX_RUNS);
  propertyTest('softmax.gradient', '∂/∂z_i = (Σy)·softmax_i − y_i, and the gradient sums to 0 when Σy = 1', () =>
    fc.property(zs, probabilities, (z, y) => {
      const pt = point(z, y);
      let sum = big(0);
      for (const i of [1, 2, 3]) {
        const grad = derive(softmax.definition, `z${i}`);
        assertAgreeAt(grad, expr(`(y1+y2+y3)*exp(z${i})/(exp(z1)+exp(z2)+exp(z3)) - y${i}`), pt, { rel: 1e-20, abs: 1e-24 });
        sum = sum.plus(valueAt(grad, pt));
      }
      const total = y[0] + y[1] + y[2];
      return total !== 1 || sum.abs().lt(1e-20);
    }), SOFTMAX_RUNS);
});
