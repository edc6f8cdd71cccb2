/**
 * Elementwise check: a function applied to every element of an array (an activation as a
 * tensor op) and its claimed elementwise derivative. The diagonal of the Jacobian at all points
 * costs two evaluations (central difference with a per-element exact step); points that
 * disagree are re-examined one by one (automatic step, Chainer's non-differentiability test,
 * one-sided derivatives). An off-diagonal probe perturbs a few elements and checks that no
 * other output moves: the function really is elementwise.
 */
import { FLOAT32_UNIT_ROUNDOFF, FLOAT64_UNIT_ROUNDOFF, autoDerivative, ulpError, type Dtype, type FloatArray } from '../numeric/index.ts';
import { GradproofError } from '../symbolic/index.ts';
import { collectReport } from './collect-report.ts';
import { detectNonDifferentiable } from './kinks.ts';
import type { GradcheckReport, PointResult } from './report.ts';
import type { PointOutcome } from './scalar-checker.ts';
import { allowedError, resolveTolerance } from './tolerance.ts';

/**
 * An elementwise array function (may return any array-like of the same length). It must not keep
 * a reference to its argument: the stencil arrays are reused between checks.
 */
export type ArrayFunction = (x: FloatArray) => ArrayLike<number>;

/** Options of {@link checkElementwise}. */
export interface ElementwiseOptions {
  readonly f: ArrayFunction;
  /** Claimed derivative, elementwise. */
  readonly df: ArrayFunction;
  /** The points (one array element each). */
  readonly points: ArrayLike<number>;
  /** Arithmetic of f and df (default float64); float32 uses the float32 tolerance preset. */
  readonly dtype?: Dtype;
  readonly atol?: number;
  readonly rtol?: number;
  /** Seed of the off-diagonal probe. */
  readonly seed?: number;
  /** Off-diagonal probes (default 1): each perturbs a random half of the elements at once (one evaluation). */
  readonly probes?: number;
  readonly subject?: string;
}

/** Central-difference step exponent: h = 2^−k·max(1, |x|), near ε^(1/3) (float64) / ε^(1/3) (float32). */
const STEP_EXPONENT: Readonly<Record<Dtype, number>> = { float64: -17, float32: -7 };
/** Truncation allowance of the fixed-step quotient, relative: (h/x)²-sized for smooth activations. */
const TRUNCATION: Readonly<Record<Dtype, number>> = { float64: 1e-8, float32: 1e-3 };
/** Retry steps stay below |x|/this, in case a kink sits at 0 (the usual place) within the first sweep. */
const KINK_DISTANCE_STEPS = 8;
/** Rounding noise of f, in units of u·|f|: a few operations' worth. */
const F_ROUNDING_UNITS = 8;

/**
 * Checks `df` against `f` elementwise at `points`.
 * @example checkElementwise({ f: (x) => x.map(Math.tanh), df: (x) => x.map((t) => 1 / Math.cosh(t) ** 2), points: [0, 1, 2] }).status // 'pass'
 */
export function checkElementwise(options: ElementwiseOptions): GradcheckReport {
  const dtype = options.dtype ?? 'float64';
  const tolerance = resolveTolerance(dtype, { atol: options.atol, rtol: options.rtol });
  const u = dtype === 'float32' ? FLOAT32_UNIT_ROUNDOFF : FLOAT64_UNIT_ROUNDOFF;
  const Arr = dtype === 'float32' ? Float32Array : Float64Array;
  const n = options.points.length;
  const x = options.points instanceof Arr ? options.points : Arr.from(options.points);
  const [xp, xm, mixed] = scratchBuffers(Arr, n);
  const stepExponent = 2 ** STEP_EXPONENT[dtype];
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const h = stepExponent * (xi > 1 ? xi : xi < -1 ? -xi : 1);
    xp[i] = xi + h;
    xm[i] = xi - h;
  }
  const fp = options.f(xp), fm = options.f(xm), d = options.df(x);
  if (fp.length !== n || fm.length !== n || d.length !== n) {
    throw new GradproofError('GP_INPUT', `elementwise: expected f and df to return ${n} values, got ${fp.length} and ${d.length}`);
  }
  // Fast path without allocation or calls: only the worst point and the rejected ones become objects.
  const outcomes: PointOutcome[] = [];
  const scalar = (t: number) => Number(options.f(Arr.of(t))[0]);
  const { atol, rtol, oracleSafety } = tolerance;
  const truncation = TRUNCATION[dtype], rounding = F_ROUNDING_UNITS * u;
  let worst = -1, worstRatio = -1, worstAllowed = 0, checked = 0;
  for (let i = 0; i < n; i++) {
    const fpi = fp[i]!, fmi = fm[i]!;
    const step = xp[i]! - xm[i]!;
    const numeric = (fpi - fmi) / step;
    const analytic = d[i]!;
    const an = Math.abs(numeric), aa = Math.abs(analytic);
    // allowedError(...) inlined: atol + rtol·max(|a|, |n|) + safety·(truncation + rounding of f)
    const error = truncation * an + (rounding * (Math.abs(fpi) + Math.abs(fmi))) / step;
    const allowed = atol + rtol * (an > aa ? an : aa) + oracleSafety * error;
    const diff = Math.abs(analytic - numeric);
    if (diff <= allowed) {
      checked++;
      const ratio = diff / allowed;
      if (ratio > worstRatio) { worst = i; worstRatio = ratio; worstAllowed = allowed; }
      continue;
    }
    outcomes.push(reexamine(scalar, x[i]!, analytic, dtype, tolerance, u));
  }
  if (worst >= 0) {
    const step = xp[worst]! - xm[worst]!;
    const numeric = (fp[worst]! - fm[worst]!) / step;
    outcomes.push({ kind: 'compared', result: pointResult(x[worst]!, d[worst]!, numeric, worstAllowed, 'central', step / 2, dtype), ratio: worstRatio, failed: false });
    checked--; // counted again by collectReport
  }
  outcomes.push(...offDiagonalProbe(options, xp, xm, fm, mixed, dtype));
  const report = collectReport(outcomes, { subject: options.subject ?? 'elementwise', dtype, seed: options.seed ?? 1 });
  return { ...report, checked: report.checked + checked };
}

/** Stencil arrays kept between checks of the same size: a million-point check allocates nothing. */
let scratch: { Arr: Float64ArrayConstructor | Float32ArrayConstructor; buffers: [FloatArray, FloatArray, FloatArray] } | undefined;

function scratchBuffers(Arr: Float64ArrayConstructor | Float32ArrayConstructor, n: number): [FloatArray, FloatArray, FloatArray] {
  if (!scratch || scratch.Arr !== Arr || scratch.buffers[0].length !== n) scratch = { Arr, buffers: [new Arr(n), new Arr(n), new Arr(n)] };
  return scratch.buffers;
}

function pointResult(x: number, analytic: number, numeric: number, tolerance: number, oracle: PointResult['oracle'], step: number, dtype: Dtype, hint?: string, kink = false): PointResult {
  const absError = Math.abs(analytic - numeric);
  return {
    point: { x }, wrt: 'x', analytic, numeric, absError, relError: absError === 0 ? 0 : absError / Math.abs(numeric),
    ulpError: ulpError(analytic, numeric, dtype), tolerance, oracle, step, kink, ...(hint ? { hint } : {}),
  };
}

/** A point the fast path rejected: automatic step, then kink tests. */
function reexamine(f: (t: number) => number, x: number, analytic: number, dtype: Dtype, tolerance: ReturnType<typeof resolveTolerance>, u: number): PointOutcome {
  const noise = F_ROUNDING_UNITS * u * Math.abs(f(x));
  let est = autoDerivative(f, x, { noise });
  let allowed = allowedError(tolerance, analytic, est.value, Number.isFinite(est.error) ? est.error : 0, 0);
  let diff = Math.abs(analytic - est.value);
  if (!(diff <= allowed) && x !== 0) {
    // maybe a kink lies within the sweep's steps: retry with steps smaller than |x|
    est = autoDerivative(f, x, { noise, maxStep: Math.abs(x) / KINK_DISTANCE_STEPS });
    allowed = allowedError(tolerance, analytic, est.value, Number.isFinite(est.error) ? est.error : 0, 0);
    diff = Math.abs(analytic - est.value);
  }
  if (diff <= allowed) return { kind: 'compared', result: pointResult(x, analytic, est.value, allowed, est.oracle, est.step, dtype), ratio: diff / allowed, failed: false };
  const h = 2 ** STEP_EXPONENT[dtype] * Math.max(1, Math.abs(x)) * 2 ** -10;
  const stencil = [-2, -1, 0, 1, 2].map((k) => f(x + k * h)) as [number, number, number, number, number];
  if (detectNonDifferentiable(stencil, noise)) {
    const left = autoDerivative(f, x, { side: 'backward', noise }), right = autoDerivative(f, x, { side: 'forward', noise });
    const lo = Math.min(left.value, right.value), hi = Math.max(left.value, right.value);
    const slack = allowedError(tolerance, analytic, hi, Math.max(left.error, right.error), 0);
    const subgradient = analytic >= lo - slack && analytic <= hi + slack;
    const hint = subgradient ? 'point is a kink: the analytic value is a valid subgradient' : `point is a kink, and the analytic value is outside [${lo}, ${hi}]`;
    return {
      kind: 'kink', kink: { point: { x }, wrt: 'x', analytic, left: left.value, right: right.value, subgradient },
      result: pointResult(x, analytic, right.value, slack, 'richardson', right.step, dtype, hint, true), ratio: subgradient ? 0 : Infinity, failed: !subgradient,
    };
  }
  const hint = Number.isFinite(analytic) ? `analytic/numeric = ${(analytic / est.value).toPrecision(6)}` : 'analytic value is not finite';
  return { kind: 'compared', result: pointResult(x, analytic, est.value, allowed, est.oracle, est.step, dtype, hint), ratio: Math.max(1, diff / allowed), failed: true };
}

/**
 * One evaluation at a mix of the two stencils: x + h on a pseudo-random half S of the elements,
 * x − h elsewhere. Outside S every output must equal f(x − h) bit for bit. A function whose
 * outputs depend on every input (softmax) is caught by one probe; one isolated dependency with
 * probability 1/4 per probe.
 */
function offDiagonalProbe(options: ElementwiseOptions, xp: FloatArray, xm: FloatArray, fm: ArrayLike<number>, mixed: FloatArray, dtype: Dtype): PointOutcome[] {
  const n = xp.length;
  const probes = options.probes ?? 1;
  if (n < 2 || probes < 1) return [];
  const seed = options.seed ?? 1;
  const outcomes: PointOutcome[] = [];
  for (let p = 0; p < probes && outcomes.length === 0; p++) {
    const salt = Math.imul(seed * 31 + p, 0x9e3779b1) | 0;
    const inS = (i: number) => (Math.imul(i ^ salt, 0x85ebca6b) ^ (i >>> 3)) & 0x10000;
    for (let i = 0; i < n; i++) mixed[i] = inS(i) ? xp[i]! : xm[i]!;
    const after = options.f(mixed);
    for (let j = 0; j < n && outcomes.length < 20; j++) {
      if (inS(j) || after[j] === fm[j] || (Number.isNaN(after[j]!) && Number.isNaN(fm[j]!))) continue;
      const hint = `output ${j} changed when only other elements moved: f is not elementwise (off-diagonal Jacobian entries are not zero)`;
      outcomes.push({ kind: 'compared', result: pointResult(xm[j]!, 0, after[j]! - fm[j]!, 0, 'central', 0, dtype, hint), ratio: Infinity, failed: true });
    }
  }
  return outcomes;
}
