/**
 * Automatic step selection: a sweep of exactly representable steps h = s·2^−k, a Richardson
 * extrapolation from each three consecutive difference quotients, and the step whose
 * extrapolations agree best (truncation and rounding both show up as disagreement), in the
 * manner of numdifftools. Each quotient is computed once and shared by three extrapolations.
 */
import { backwardDifference, centralDifference, forwardDifference, type DerivativeEstimate, type ScalarFunction } from './finite-difference.ts';
import { FLOAT64_UNIT_ROUNDOFF } from './ulp.ts';

/** Options of {@link autoDerivative}. */
export interface AutoStepOptions {
  /** `central` (default), or one-sided `forward` / `backward` (at kinks and domain ends). */
  readonly side?: 'central' | 'forward' | 'backward';
  /** Largest step allowed (e.g. the distance to the end of the domain). */
  readonly maxStep?: number;
  /** Absolute rounding noise of f near x (default: unit roundoff × |f(x)|). */
  readonly noise?: number;
}

/** Coarsest step: s·2^−FIRST_K with s the power of two at or above max(|x|, 1). */
const FIRST_K = 2;
/** Number of halvings swept: down to s·2^−28, below which rounding dominates any estimate. */
const HALVINGS = 26;
/** Rounding errors of a quotient with noise δ and step h are ≈ δ/h; a factor for safety. */
const ROUNDING_SAFETY = 8;
/** Stop sweeping once the error estimate has grown this much past the best one... */
const STOP_GROWTH = 1e4;
/** ...for this many consecutive steps. */
const STOP_AFTER = 3;

/**
 * f′(x) with an error estimate, choosing the step automatically.
 * @example autoDerivative(Math.exp, 1).value // 2.718281828459045 (to about 1e-13)
 */
export function autoDerivative(f: ScalarFunction, x: number, options: AutoStepOptions = {}): DerivativeEstimate {
  const side = options.side ?? 'central';
  const scale = 2 ** Math.ceil(Math.log2(Math.max(Math.abs(x), 1)));
  const rawNoise = options.noise ?? FLOAT64_UNIT_ROUNDOFF * Math.abs(f(x));
  const noise = Number.isFinite(rawNoise) ? rawNoise : 0;
  let top = scale * 2 ** -FIRST_K;
  if (options.maxStep !== undefined && options.maxStep < top) top = 2 ** Math.floor(Math.log2(options.maxStep));
  const quotient = side === 'central' ? centralDifference : side === 'forward' ? forwardDifference : backwardDifference;
  // error orders of the quotient: O(h², h⁴) central, O(h, h²) one-sided
  const [p1, p2] = side === 'central' ? [4, 16] : [2, 4];
  const d: number[] = [];
  const a: number[] = [];
  let best: DerivativeEstimate | undefined;
  let previousB: number | undefined;
  let worse = 0;
  for (let k = 0; k <= HALVINGS; k++) {
    const h = top * 2 ** -k;
    d.push(quotient(f, x, h));
    if (k >= 1) a.push((p1 * d[k]! - d[k - 1]!) / (p1 - 1));
    if (k < 2) continue;
    const b = (p2 * a[k - 1]! - a[k - 2]!) / (p2 - 1);
    const hCoarse = h * 4;
    if (!Number.isFinite(b)) { previousB = undefined; continue; }
    const rounding = (ROUNDING_SAFETY * noise) / h;
    const disagreement = Math.max(Math.abs(b - a[k - 1]!), previousB === undefined ? 0 : Math.abs(b - previousB));
    const error = disagreement + rounding;
    previousB = b;
    if (!best || error < best.error) {
      best = { value: b, error, step: hCoarse, oracle: 'richardson' };
      worse = 0;
    } else if (error > STOP_GROWTH * best.error && ++worse >= STOP_AFTER) {
      break;
    }
  }
  return best ?? { value: NaN, error: Infinity, step: NaN, oracle: 'richardson' };
}
