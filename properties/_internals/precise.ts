/**
 * Internal: high-precision comparisons for the catalog suites. Values come from the symbolic
 * layer's reference evaluator (decimal arithmetic at {@link DIGITS} significant digits), so a
 * property that fails here fails because of the mathematics, not because of float rounding.
 */
import { bignumber, type BigNumber, type MathNode } from 'mathjs';
import { evaluatePrecise, parseExpression } from '../../src/symbolic/index.ts';

/** Significant digits of every reference value: 30 leaves 10+ digits above any tolerance used. */
export const DIGITS = 30;

/** Relative tolerance of identities evaluated at {@link DIGITS} digits (rounding of ~15 operations). */
export const IDENTITY_REL_TOL = 1e-24;

/**
 * Relative tolerance of a derivative against a central difference with step {@link DIFF_STEP}:
 * truncation error ~h²·f‴/6 ≈ 1e-20·f‴ and rounding ~1e-30/h = 1e-20; 1e-14 leaves a wide margin
 * while a wrong derivative is off by O(1).
 */
export const DIFFERENCE_REL_TOL = 1e-14;

/** Step of the high-precision central difference. */
export const DIFF_STEP = '1e-10';

/** A point: values of the variables and parameters (numbers or decimal strings). */
export type Point = Readonly<Record<string, number | string>>;

/** Tolerance of a comparison: |a − b| <= rel·max(|a|, |b|) + abs. */
export interface Tolerance {
  readonly rel?: number;
  /** Absolute part; a BigNumber keeps bounds below the float range (errors at subnormal points). */
  readonly abs?: number | BigNumber;
}

/** Parses mathjs-style text with the project's safe parser. */
export function expr(text: string): MathNode {
  return parseExpression(text);
}

/** The value of `node` at `point` to {@link DIGITS} digits. */
export function valueAt(node: MathNode | string, point: Point): BigNumber {
  return evaluatePrecise(typeof node === 'string' ? expr(node) : node, point, { digits: DIGITS });
}

/** Shows a point in failure messages. */
export function showPoint(point: Point): string {
  return Object.entries(point).map(([k, v]) => `${k} = ${String(v)}`).join(', ');
}

/**
 * Throws (with both values, the difference and the tolerance) unless `actual` ≈ `expected`.
 * Two NaNs agree; one NaN does not.
 */
export function assertClose(actual: BigNumber, expected: BigNumber, what: string, tolerance: Tolerance = {}): void {
  const rel = tolerance.rel ?? IDENTITY_REL_TOL;
  const abs = bignumber(tolerance.abs ?? 0);
  if (actual.isNaN() || expected.isNaN()) {
    if (actual.isNaN() && expected.isNaN()) return;
    throw new Error(`${what}: expected ${expected.toString()}, got ${actual.toString()}`);
  }
  const difference = actual.minus(expected).abs();
  const scale = BigNumberMax(actual.abs(), expected.abs());
  const allowed = scale.times(rel).plus(abs);
  if (difference.gt(allowed)) {
    throw new Error(`${what}: expected ${expected.toString()}, got ${actual.toString()} (difference ${difference.toSignificantDigits(4).toString()}, allowed ${allowed.toSignificantDigits(4).toString()})`);
  }
}

function BigNumberMax(a: BigNumber, b: BigNumber): BigNumber {
  return a.gt(b) ? a : b;
}

/**
 * Default absolute tolerance of identities: terms of size O(1) that cancel leave noise of this
 * size at 30 digits (e.g. σ(1 − σ)(1 − 2σ) at x ≈ 0).
 */
export const IDENTITY_ABS_TOL = 1e-27;

/** Throws unless `a` and `b` agree at `point` (see {@link assertClose}; default abs {@link IDENTITY_ABS_TOL}). */
export function assertAgreeAt(a: MathNode | string, b: MathNode | string, point: Point, tolerance: Tolerance = { abs: IDENTITY_ABS_TOL }): void {
  const label = (n: MathNode | string) => (typeof n === 'string' ? n : n.toString());
  assertClose(valueAt(a, point), valueAt(b, point), `${label(a)} vs ${label(b)} at ${showPoint(point)}`, tolerance);
}

/** `point` with `variable` moved by `delta` (exact decimal arithmetic). */
export function shifted(point: Point, variable: string, delta: string): Record<string, string | number> {
  const moved = bignumber(String(point[variable])).plus(bignumber(delta));
  return { ...point, [variable]: moved.toString() };
}

/** A central difference with the size of its own rounding error. */
export interface Difference {
  readonly value: BigNumber;
  /** Bound on the rounding error: a few units in the last digit of f, divided by 2h. */
  readonly roundingError: BigNumber;
}

/** The high-precision central difference (f(v + h) − f(v − h)) / 2h of `node` by `variable`. */
export function centralDifference(node: MathNode, variable: string, point: Point, step = DIFF_STEP): Difference {
  const h = bignumber(step);
  const up = valueAt(node, shifted(point, variable, h.toString()));
  const down = valueAt(node, shifted(point, variable, h.neg().toString()));
  const magnitude = up.abs().gt(down.abs()) ? up.abs() : down.abs();
  return {
    value: up.minus(down).div(h.times(2)),
    roundingError: magnitude.times(bignumber(10).pow(2 - DIGITS)).div(h),
  };
}

/**
 * Throws unless `derivative` agrees with the central difference of `node` by `variable` at
 * `point`, to {@link DIFFERENCE_REL_TOL} relative plus the difference's rounding error (and, with
 * `estimateTruncation`, its truncation error estimated from a second, halved step). `step`
 * should be well below the distance of the point to any kink or singularity.
 */
export function assertDerivativeAt(node: MathNode, derivative: MathNode, variable: string, point: Point, step = DIFF_STEP, estimateTruncation = false): void {
  const difference = centralDifference(node, variable, point, step);
  let abs = difference.roundingError;
  if (estimateTruncation) {
    // D(h) − D(h/2) ≈ (3/4)·h²f‴/6: allow ten times the truncation error it reveals.
    const half = centralDifference(node, variable, point, bignumber(step).div(2).toString());
    abs = abs.plus(half.roundingError).plus(difference.value.minus(half.value).abs().times(TRUNCATION_FACTOR));
  }
  assertClose(valueAt(derivative, point), difference.value, `d/d${variable} ${derivative.toString()} vs central difference of ${node.toString()} at ${showPoint(point)}`, {
    rel: DIFFERENCE_REL_TOL,
    abs,
  });
}

/** Multiple of |D(h) − D(h/2)| allowed as truncation error (the true error is 4/3 of it). */
const TRUNCATION_FACTOR = 10;

/** The reference value of a number given as text (e.g. `ln 2` to many digits). */
export function big(value: string | number): BigNumber {
  return bignumber(value);
}
