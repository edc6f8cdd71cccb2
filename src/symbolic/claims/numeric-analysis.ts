/**
 * High-precision numerical analysis for claims: values at 50 digits, a root of f′ by bisection
 * (for minima), and the Lambert W function at a positive argument by Newton's method.
 */
import type { BigNumber, MathNode } from 'mathjs';
import { decimalAt, evaluatePrecise, GUARD_DIGITS } from '../evaluate-precise.ts';
import { derive } from '../derive.ts';
import { GradproofError } from '../error.ts';

/** Digits of every claim computation. */
export const CLAIM_DIGITS = 50;

type Dec = ReturnType<typeof decimalAt>['prototype'];
const D = () => decimalAt(CLAIM_DIGITS + GUARD_DIGITS);

/** f at a point, 50 digits. */
export function valueAt(node: MathNode, point: Readonly<Record<string, string | number>>): BigNumber {
  return evaluatePrecise(node, point, { digits: CLAIM_DIGITS });
}

/** Width at which bisection (at low precision) hands over to the Illinois method (at full precision). */
const BISECTION_WIDTH = '1e-6';

/** Digits of the bisection phase: enough to read the sign of f′ reliably away from the root. */
const BISECTION_DIGITS = 20;

/** Newton steps allowed after bisection (4 suffice from 10^{-6}; more means the root is not simple). */
const NEWTON_STEPS = 8;

/**
 * A simple root of `node` in `variable` inside [lo, hi], to 50 digits.
 * Method: bisection at 20 digits down to a bracket of width 10^{-6}, then Newton's method at 60
 * digits (with the symbolic derivative of `node`) until the step is below 10^{-55}.
 * @throws GradproofError GP_INPUT when the ends have the same sign.
 */
export function bisectRoot(node: MathNode, variable: string, lo: string, hi: string, fixed: Readonly<Record<string, string>> = {}): BigNumber {
  const C = D();
  let a: Dec = new C(lo);
  let b: Dec = new C(hi);
  const f = (v: Dec, digits: number) => new C(evaluatePrecise(node, { ...fixed, [variable]: v.toString() }, { digits }).toString());
  let fa = f(a, BISECTION_DIGITS);
  let fb = f(b, BISECTION_DIGITS);
  if (fa.isNaN() || fb.isNaN() || fa.isNegative() === fb.isNegative()) {
    throw new GradproofError('GP_INPUT', `bisectRoot: expected a sign change on [${lo}, ${hi}], got ${fa} and ${fb}`);
  }
  for (let i = 0; i < 100 && b.minus(a).abs().gt(BISECTION_WIDTH); i++) {
    const m = a.plus(b).div(2);
    const fm = f(m, BISECTION_DIGITS);
    if (fm.isZero()) break;
    if (fm.isNegative() === fa.isNegative()) [a, fa] = [m, fm];
    else [b, fb] = [m, fm];
  }
  // Newton's method on the bracketed root: quadratic, so 10^{-6} becomes 10^{-55} in about 4 steps.
  const full = CLAIM_DIGITS + 10;
  const slope = derive(node, variable);
  let c: Dec = a.plus(b).div(2);
  for (let i = 0; i < NEWTON_STEPS; i++) {
    const step = f(c, full).div(new C(evaluatePrecise(slope, { ...fixed, [variable]: c.toString() }, { digits: full }).toString()));
    c = c.minus(step);
    if (!c.isFinite() || c.lt(a) || c.gt(b)) throw new GradproofError('GP_INTERNAL', `bisectRoot: Newton left the bracket [${a}, ${b}]`);
    if (step.abs().lt(`1e-${CLAIM_DIGITS + 5}`)) break;
  }
  return c.toSignificantDigits(CLAIM_DIGITS) as unknown as BigNumber;
}

/** Lambert W₀(z) for z > 0: the w with w·e^w = z, by Newton's method from w = ln(1 + z). */
export function lambertW(z: string): BigNumber {
  const C = D();
  const zz = new C(z);
  let w: Dec = zz.plus(1).ln();
  for (let i = 0; i < 100; i++) {
    const ew = w.exp();
    const step = w.times(ew).minus(zz).div(ew.times(w.plus(1)));
    w = w.minus(step);
    if (step.abs().lt(`1e-${CLAIM_DIGITS + 8}`)) break;
  }
  return w.toSignificantDigits(CLAIM_DIGITS) as unknown as BigNumber;
}

/** True when |a − b| <= 10^{-digits}·max(1, |b|). */
export function agree(a: BigNumber | string, b: BigNumber | string, digits: number): boolean {
  const C = D();
  const x = new C(a.toString());
  const y = new C(b.toString());
  return x.minus(y).abs().lte(C.max(1, y.abs()).times(`1e-${digits}`));
}

/** The value rounded to `digits` significant digits, as text. */
export function rounded(v: BigNumber | string, digits: number): string {
  return new (D())(v.toString()).toSignificantDigits(digits).toString();
}
