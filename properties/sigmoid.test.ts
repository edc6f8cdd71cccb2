/**
 * Sigmoid, tanh and softplus: the identities that tie them together, checked at 30 digits with
 * the catalog's definitions and the symbolic derivatives.
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, derive, num, sub } from '../src/symbolic/index.ts';
import { real } from './_internals/catalog-points.ts';
import { assertAgreeAt, assertClose, big, expr, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const catalog = builtinCatalog();
const sigmoid = catalog.get('sigmoid').definition;
const tanh = catalog.get('tanh').definition;
const softplus = catalog.get('softplus').definition;
const x = real(-40, 40, [0]);
/** Below this |x| (and for differences below it) σ(x) − 1/2 ≈ x/4 vanishes at 30 digits. */
const TINY = 1e-25;
/** Largest L where 1 − σ(L) = e^{−L}(1 − e^{−L} + …) is told apart from e^{−L} by 45 working digits. */
const TAIL_MAX = 30;

describe('sigmoid', () => {
  propertyTest('sigmoid.symmetry', 'σ(−x) = 1 − σ(x)', () =>
    fc.property(x, (v) => assertAgreeAt(expr('sigmoid(-x)'), expr('1 - sigmoid(x)'), { x: v })));
  propertyTest('sigmoid.definition', 'σ(x) = 1/(1 + e^{−x}) (registry function vs catalog definition)', () =>
    fc.property(x, (v) => assertAgreeAt(expr('sigmoid(x)'), sigmoid, { x: v })));
  propertyTest('sigmoid.derivative', "σ' = σ(1 − σ) (derived from the catalog definition)", () =>
    fc.property(x, (v) => assertAgreeAt(derive(sigmoid, 'x'), expr('sigmoid(x)*(1 - sigmoid(x))'), { x: v })));
  propertyTest('sigmoid.second-derivative', "σ'' = σ(1 − σ)(1 − 2σ)", () =>
    fc.property(x, (v) => assertAgreeAt(derive(derive(sigmoid, 'x'), 'x'), expr('sigmoid(x)*(1 - sigmoid(x))*(1 - 2*sigmoid(x))'), { x: v })));
  propertyTest('sigmoid.half-tanh', 'σ(x) = (1 + tanh(x/2))/2', () =>
    fc.property(x, (v) => assertAgreeAt(sigmoid, expr('(1 + tanh(x/2))/2'), { x: v })));
  propertyTest('sigmoid.open-unit-interval', '0 < σ(x) < 1 and σ(x) > 1/2 exactly when x > 0', () =>
    fc.property(x, (v) => {
      const s = valueAt(sigmoid, { x: v });
      const visible = Math.abs(v) > TINY; // below it σ(x) − 1/2 ≈ x/4 is beyond 30 digits
      return s.gt(0) && s.lt(1) && (!visible || (s.gt(0.5) === v > 0 && s.lt(0.5) === v < 0));
    }));
  propertyTest('sigmoid.increasing', 'x < y implies σ(x) <= σ(y), strictly when they differ visibly at 30 digits', () =>
    fc.property(x, x, (a, b) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const [slo, shi] = [valueAt(sigmoid, { x: lo }), valueAt(sigmoid, { x: hi })];
      return slo.lte(shi) && (hi - lo < TINY || slo.lt(shi));
    }));
  propertyTest('sigmoid.tails', '1 − σ(L) and σ(−L) lie in (e^{−L}/2, e^{−L}) for L ≥ 1; σ′(±L) < e^{−L}', () =>
    fc.property(real(1, TAIL_MAX), (L) => {
      const tail = valueAt('exp(-L)', { L });
      const upper = valueAt(sub(num(1), sigmoid), { x: L });
      const lower = valueAt(sigmoid, { x: -L });
      const slope = valueAt(derive(sigmoid, 'x'), { x: L });
      return [upper, lower].every((t) => t.lt(tail) && t.gt(tail.div(2))) && slope.lt(tail) && slope.gt(0);
    }));
});

describe('tanh', () => {
  propertyTest('tanh.odd', 'tanh(−x) = −tanh(x)', () => fc.property(x, (v) => assertAgreeAt(expr('tanh(-x)'), expr('-tanh(x)'), { x: v })));
  propertyTest('tanh.derivative', "tanh' = 1 − tanh² = sech²", () =>
    fc.property(x, (v) => {
      assertAgreeAt(derive(tanh, 'x'), expr('1 - tanh(x)^2'), { x: v });
      assertAgreeAt(expr('sech(x)^2'), expr('1 - tanh(x)^2'), { x: v });
    }));
  propertyTest('tanh.via-sigmoid', 'tanh(x) = 2σ(2x) − 1 = (e^{2x} − 1)/(e^{2x} + 1)', () =>
    fc.property(real(-300, 300, [0]), (v) => {
      assertAgreeAt(tanh, expr('2*sigmoid(2*x) - 1'), { x: v }, { rel: 1e-24, abs: 1e-28 });
      if (Math.abs(v) > 1e-3) assertAgreeAt(tanh, expr('(exp(2x) - 1)/(exp(2x) + 1)'), { x: v });
    }));
  propertyTest('tanh.bounded-increasing', '|tanh x| < 1, sign(tanh x) = sign x, and tanh is increasing', () =>
    fc.property(x, x, (a, b) => {
      const ta = valueAt(tanh, { x: a });
      const tb = valueAt(tanh, { x: b });
      const ordered = a < b ? ta.lte(tb) : tb.lte(ta);
      const visible = Math.abs(a) > TINY;
      return ta.abs().lte(1) && (ta.isZero() ? a === 0 : ta.isNegative() === a < 0) && ordered && (!visible || Math.abs(a) > 30 || ta.abs().lt(1));
    }));
});

describe('softplus', () => {
  propertyTest('softplus.derivative', "softplus' = σ (derived from ln(1 + e^x))", () =>
    fc.property(x, (v) => assertAgreeAt(derive(softplus, 'x'), expr('sigmoid(x)'), { x: v })));
  propertyTest('softplus.reflection', 'softplus(x) − softplus(−x) = x', () =>
    fc.property(real(-1000, 1000, [0]), (v) => {
      const d = valueAt('softplus(x) - softplus(-x)', { x: v });
      assertClose(d, big(v), `softplus(x) − softplus(−x) at x = ${v}`, { rel: 1e-24, abs: 1e-27 });
    }));
  propertyTest('softplus.sandwich', 'max(0, x) < softplus(x) <= max(0, x) + ln 2, equality at 0', () =>
    fc.property(real(-60, 60, [0]), (v) => {
      const s = valueAt(softplus, { x: v });
      const floor = big(Math.max(0, v));
      const ln2 = valueAt('log(2)', {});
      return s.gt(floor) && s.lte(floor.plus(ln2)) && (v !== 0 || s.minus(ln2).abs().lt(1e-28));
    }));
  propertyTest('softplus.registry', 'the registry softplus equals the catalog definition ln(1 + e^x) on [−30, 1e4] (below, 1 + e^x keeps too few of the 45 working digits)', () =>
    fc.property(real(-TAIL_MAX, 1e4, [0]), (v) => assertAgreeAt(expr('softplus(x)'), softplus, { x: v }, { rel: 1e-24, abs: 0 })));
  propertyTest('softplus.left-tail', '0 < e^x − softplus(x) < e^{2x}/2 for x in [−30, −1]; softplus(x)/e^x → 1 down to x = −1e4', () =>
    fc.property(real(-TAIL_MAX, -1), real(-1e4, -TAIL_MAX), (v, far) => {
      const gap = valueAt(sub(expr('exp(x)'), softplus), { x: v });
      const ratio = valueAt(expr('softplus(x)/exp(x)'), { x: far });
      return gap.gt(0) && gap.lt(valueAt('exp(2x)/2', { x: v })) && ratio.minus(1).abs().lt(1e-13);
    }));
});
