/**
 * The scalar check of one analytic partial derivative against numerical oracles, point by
 * point: kinks get one-sided derivatives (a subgradient passes), stencils are kept off kinks
 * and inside open domains, and an automatic finite-difference disagreement is confirmed by
 * dual numbers before it is called a failure; a pass that only the analytic side's own
 * rounding allowance explains, where that allowance is large against the values, is re-judged
 * by the analytic expression's 50-digit value (confirmed at 100 digits).
 *
 * Float32 mode: the point is rounded to float32 and the analytic derivative is evaluated in
 * float32 arithmetic (what TensorFlow.js computes); the numerical side is computed in float64 at
 * that same point, so the comparison measures the float32 gradient's own error against the
 * float32 tolerance preset. A float32 overflow (±Infinity) is accepted where the true value lies
 * beyond float32's range.
 */
import type { MathNode } from 'mathjs';
import {
  DerivativeOracles, REFERENCE_DIGITS, autoDerivative, compileExpression, referenceValue, ulpError,
  type CompiledExpression, type DerivativeEstimate, type Dtype, type OracleChoice,
} from '../numeric/index.ts';
import type { Interval } from '../symbolic/index.ts';
import { KinkLocator, detectNonDifferentiable } from './kinks.ts';
import type { KinkResult, PointResult } from './report.ts';
import { allowedError, type Tolerance } from './tolerance.ts';

/** Options of {@link ScalarChecker}. */
export interface ScalarCheckerOptions {
  readonly dtype: Dtype;
  readonly oracle: OracleChoice;
  readonly tolerance: Tolerance;
  /** Domain of each variable (open ends keep stencils inside). */
  readonly domains?: Readonly<Record<string, Interval>>;
}

/** What one point gave. */
export type PointOutcome =
  | { readonly kind: 'compared'; readonly result: PointResult; readonly ratio: number; readonly failed: boolean }
  | { readonly kind: 'kink'; readonly result: PointResult; readonly kink: KinkResult; readonly ratio: number; readonly failed: boolean }
  | { readonly kind: 'undefined' };

/** Largest step of the automatic sweep, relative to max(1, |x|) (as in autoDerivative). */
const TOP_RELATIVE_STEP = 2 ** -2;
/** Open domain ends: the stencil (reach h) stays within this fraction of the distance to them. */
const OPEN_END_FRACTION = 1 / 8;
/**
 * A pass that needs the analytic side's rounding allowance, where the allowance exceeds this
 * share of max(|analytic|, |numeric|), is too loose to tell a wrong expression from a correct but
 * ill-conditioned one: the analytic expression is then evaluated at 50 digits and judged by that.
 */
const REFERENCE_RECHECK_SHARE = 1e-3;
/** f's rounding noise, over the step, in a difference quotient: Richardson's 16·noise/(h/4). */
const STENCIL_NOISE_UNITS = 64;
/** The 50-digit reference is trusted when a 100-digit one agrees with it to this relative size. */
const REFERENCE_AGREEMENT = 1e-12;

/** Checks ∂f/∂wrt = df at points. */
export class ScalarChecker {
  private readonly oracles: DerivativeOracles;
  private readonly analytic: CompiledExpression;
  private readonly analyticMagnitude: CompiledExpression;
  private readonly kinks: KinkLocator;
  private readonly wrtIndex: number;

  constructor(f: MathNode, private readonly df: MathNode, readonly variables: readonly string[], readonly wrt: string, readonly options: ScalarCheckerOptions) {
    this.wrtIndex = variables.indexOf(wrt);
    this.oracles = new DerivativeOracles(f, variables);
    this.analytic = compileExpression(df, { variables, dtype: options.dtype });
    // The checked point is exact: only the analytic expression's own rounding widens the tolerance.
    this.analyticMagnitude = compileExpression(df, { variables, output: 'error' });
    this.kinks = new KinkLocator(f, variables);
  }

  /** Compares at `values` (in the order of `variables`; rounded to the dtype first). */
  check(rawValues: readonly number[]): PointOutcome {
    const values = this.options.dtype === 'float32' ? rawValues.map(Math.fround) : [...rawValues];
    const tol = this.options.tolerance;
    const analytic = this.analytic.evaluate(values);
    const magnitude = this.analyticMagnitude.evaluate(values);
    const x = values[this.wrtIndex]!;
    let maxStep = TOP_RELATIVE_STEP * Math.max(1, Math.abs(x));
    const domain = this.options.domains?.[this.wrt];
    if (domain) {
      if (domain.openMin && Number.isFinite(domain.min)) maxStep = Math.min(maxStep, (x - domain.min) * OPEN_END_FRACTION);
      if (domain.openMax && Number.isFinite(domain.max)) maxStep = Math.min(maxStep, (domain.max - x) * OPEN_END_FRACTION);
    }
    if (!(maxStep > 0)) return { kind: 'undefined' }; // on an open end of the domain
    const safe = this.kinks.atKink(values, this.wrtIndex) ? 0 : this.kinks.safeStep(values, this.wrtIndex, maxStep);
    if (safe === 0) return this.checkKink(values, analytic, magnitude, maxStep);

    const fd = this.oracles.estimate(values, this.wrtIndex, { oracle: this.options.oracle, maxStep: safe });
    if (!Number.isFinite(analytic) && !Number.isFinite(fd.value)) return { kind: 'undefined' };
    let best = this.compare(analytic, fd, magnitude, 0);
    if (!best.agrees && this.options.oracle === 'auto') {
      // Finite differences disagree (or failed): ask the exact oracle before calling it a failure.
      const dual = this.oracles.estimate(values, this.wrtIndex, { oracle: 'dual' });
      const confirmed = this.compare(analytic, dual, magnitude, tol.unitRoundoff * finiteOr0(this.oracles.noise(values)));
      // Report the exact oracle's value when both disagree: finite differences can be blind
      // (a + h = h for a tiny a) where dual numbers are not.
      if (confirmed.agrees || Number.isFinite(dual.value)) best = confirmed;
    }
    if (!best.agrees && this.looksNonDifferentiable(values, fd.step, maxStep)) {
      // a kink no piecewise function explains (e.g. sqrt(x^2) at 0): judge it as a kink
      return this.checkKink(values, analytic, magnitude, maxStep);
    }
    if (best.agrees && this.passNeedsRounding(analytic, best)) {
      const verdict = this.referenceVerdict(values, best.estimate);
      if (verdict && !verdict.agrees) {
        const hint = `${hintFor(verdict.reference, best.estimate.value)} (the analytic expression is ${verdict.reference} at 50 digits; its float value ${analytic} passed only within its rounding-error bound ${best.allowed})`;
        const result = this.result(values, analytic, best.estimate, verdict.allowed, false, hint);
        return { kind: 'compared', result, ratio: Math.max(1, ratioOf(Math.abs(verdict.reference - best.estimate.value), verdict.allowed)), failed: true };
      }
    }
    const failed = !best.agrees;
    const result = this.result(values, analytic, best.estimate, best.allowed, false, failed ? hintFor(analytic, best.estimate.value) : undefined);
    return { kind: 'compared', result, ratio: failed ? Math.max(1, ratioOf(best.diff, best.allowed)) : ratioOf(best.diff, best.allowed), failed };
  }

  /** Does `analytic` agree with `estimate` (whose error estimate is widened by `extraError`)? */
  private compare(analytic: number, estimate: DerivativeEstimate, magnitude: number, extraError: number) {
    const tol = this.options.tolerance;
    if (!Number.isFinite(estimate.value) || !Number.isFinite(estimate.error)) {
      return { estimate, allowed: 0, diff: Infinity, agrees: false };
    }
    if (!Number.isFinite(analytic)) {
      // Float32 overflow is correct rounding when the true value is beyond float32's range.
      const overflow = this.options.dtype === 'float32' && Math.fround(estimate.value) === analytic;
      return { estimate, allowed: 0, diff: overflow ? 0 : Infinity, agrees: overflow };
    }
    const allowed = allowedError(tol, analytic, estimate.value, estimate.error + extraError, finiteOr0(magnitude));
    const diff = Math.abs(analytic - estimate.value);
    return { estimate, allowed, diff, agrees: diff <= allowed };
  }

  /** True when a passing comparison relies on a rounding allowance that is large against the values. */
  private passNeedsRounding(analytic: number, best: { estimate: DerivativeEstimate; allowed: number; diff: number }): boolean {
    const strict = allowedError(this.options.tolerance, analytic, best.estimate.value, best.estimate.error, 0);
    return best.diff > strict && best.allowed > REFERENCE_RECHECK_SHARE * Math.max(Math.abs(analytic), Math.abs(best.estimate.value));
  }

  /**
   * The analytic expression's exact value (50 digits, confirmed at 100) against the numerical
   * estimate, without a rounding allowance; undefined where the reference is not finite or not
   * confirmed (cancellation beyond 50 digits), so the float verdict stands.
   */
  private referenceVerdict(values: readonly number[], estimate: DerivativeEstimate): { reference: number; allowed: number; agrees: boolean } | undefined {
    const point = this.pointRecord(values);
    const reference = referenceValue(this.df, point);
    if (!Number.isFinite(reference)) return undefined;
    const confirm = referenceValue(this.df, point, 2 * REFERENCE_DIGITS);
    if (!(Math.abs(confirm - reference) <= REFERENCE_AGREEMENT * Math.abs(reference))) return undefined;
    const tol = this.options.tolerance;
    const allowed = allowedError(tol, reference, estimate.value, estimate.error + this.stencilRounding(values, estimate.step), 0);
    if (Math.abs(reference - estimate.value) <= allowed) return { reference, allowed, agrees: true };
    if (this.options.oracle !== 'auto' || estimate.oracle === 'dual') return { reference, allowed, agrees: false };
    // The finite-difference error estimate can be optimistic for a tiny derivative of a large f:
    // the exact oracle decides.
    const dual = this.oracles.estimate(values, this.wrtIndex, { oracle: 'dual' });
    const dualAllowed = allowedError(tol, reference, dual.value, finiteOr0(dual.error) + finiteOr0(this.oracles.noise(values)), 0);
    return { reference, allowed, agrees: Math.abs(reference - dual.value) <= dualAllowed };
  }

  /**
   * Rounding of the difference quotient from f's rounding anywhere on the stencil (x ± step):
   * f's error can grow along it (f = y·c at y = 0 has no noise at the point, u·|c|·h at y + h).
   */
  private stencilRounding(values: readonly number[], step: number): number {
    if (!(step > 0 && Number.isFinite(step))) return 0;
    const x = values[this.wrtIndex]!;
    const at = (t: number) => { const v = [...values]; v[this.wrtIndex] = t; return finiteOr0(this.oracles.noise(v)); };
    return (STENCIL_NOISE_UNITS * Math.max(at(x - step), at(x), at(x + step))) / step;
  }

  /** Chainer's test on a five-point stencil around the point (see detectNonDifferentiable). */
  private looksNonDifferentiable(values: number[], step: number, maxStep: number): boolean {
    const x = values[this.wrtIndex]!;
    const h = Math.min(Number.isFinite(step) && step > 0 ? step : maxStep, maxStep) / 2;
    const f = this.oracles.slice(values, this.wrtIndex);
    const stencil = [-2, -1, 0, 1, 2].map((k) => f(x + k * h)) as [number, number, number, number, number];
    return detectNonDifferentiable(stencil, this.oracles.noise(values));
  }

  private checkKink(values: number[], analytic: number, magnitude: number, maxStep: number): PointOutcome {
    const f = this.oracles.slice(values, this.wrtIndex);
    const x = values[this.wrtIndex]!;
    const noise = this.oracles.noise(values);
    const left = autoDerivative(f, x, { side: 'backward', maxStep, noise });
    const right = autoDerivative(f, x, { side: 'forward', maxStep, noise });
    const lo = Math.min(left.value, right.value), hi = Math.max(left.value, right.value);
    const slack = allowedError(this.options.tolerance, analytic, hi, finiteOr0(Math.max(left.error, right.error)), finiteOr0(magnitude));
    const subgradient = analytic >= lo - slack && analytic <= hi + slack;
    const point = this.pointRecord(values);
    const kink: KinkResult = { point, wrt: this.wrt, analytic, left: left.value, right: right.value, subgradient };
    const nearest = Math.abs(analytic - lo) < Math.abs(analytic - hi) ? left : right;
    const diff = subgradient ? 0 : Math.min(Math.abs(analytic - lo), Math.abs(analytic - hi));
    const hint = subgradient
      ? `point is a kink: ${analytic} lies between the one-sided derivatives ${left.value} and ${right.value} (a valid subgradient)`
      : `point is a kink, and the analytic value is outside the one-sided derivatives [${lo}, ${hi}]`;
    const result = this.result(values, analytic, nearest, slack, true, hint);
    return { kind: 'kink', result, kink, ratio: ratioOf(diff, slack), failed: !subgradient };
  }

  private pointRecord(values: readonly number[]): Record<string, number> {
    return Object.fromEntries(this.variables.map((v, i) => [v, values[i]!]));
  }

  private result(values: readonly number[], analytic: number, estimate: DerivativeEstimate, tolerance: number, kink: boolean, hint?: string): PointResult {
    const absError = Math.abs(analytic - estimate.value);
    const relError = absError === 0 ? 0 : absError / Math.abs(estimate.value);
    return {
      point: this.pointRecord(values), wrt: this.wrt, analytic, numeric: estimate.value, absError, relError,
      ulpError: ulpError(analytic, estimate.value, this.options.dtype), tolerance, oracle: estimate.oracle, step: estimate.step, kink,
      ...(hint === undefined ? {} : { hint }),
    };
  }
}

/** x, or 0 when x is not finite (a rounding estimate that overflowed carries no information). */
function finiteOr0(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

function ratioOf(diff: number, allowed: number): number {
  if (diff === 0) return 0;
  if (Number.isNaN(diff) || allowed === 0) return Infinity;
  return diff / allowed;
}

/** A hint naming the likely mistake from the ratio of the two values. */
export function hintFor(analytic: number, numeric: number): string {
  if (!Number.isFinite(analytic)) return 'the analytic value overflows or is undefined where f is differentiable: rewrite it in a stable form (e.g. σ(x)σ(−x) for σ(x)(1 − σ(x)), or with softplus)';
  if (!Number.isFinite(numeric)) return 'f is not finite next to this point: is the point at the edge of the domain? raise precision or narrow --range';
  const r = analytic / numeric;
  const near = (v: number) => Math.abs(r - v) < 1e-3 * Math.abs(v);
  if (near(-1)) return 'analytic = −numeric: a sign error';
  if (near(2) || near(0.5)) return `analytic = ${near(2) ? '2' : '½'} × numeric: a factor of 2 (power rule or a duplicated term)`;
  if (numeric === 0 || analytic === 0) return 'one side is zero: a missing or extra term';
  return `analytic/numeric = ${r.toPrecision(6)}: a missing chain-rule factor or term?`;
}
