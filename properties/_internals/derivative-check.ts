/**
 * Internal: compares a claimed derivative of a plain JS function with the numeric layer's
 * automatic-step derivative estimate (step sweep + Richardson, with an error estimate).
 */
import { autoDerivative } from '../../src/numeric/index.ts';

/** Tolerance of a derivative check: the oracle's own error estimate times a safety factor, plus rtol·|d| + atol. */
export interface DerivativeTolerance {
  /** Relative tolerance (default 1e-6). */
  readonly rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  readonly atol?: number;
}

/** Safety factor on the oracle's error estimate (estimates are of the order of the true error). */
const ESTIMATE_FACTOR = 10;

/**
 * Throws (point, claimed, estimated, tolerance) unless `derivative(x)` matches the numerical
 * derivative of `f` at `x`; `maxStep` keeps the stencil away from kinks and domain ends.
 */
export function assertDerivativeMatches(
  name: string, f: (x: number) => number, derivative: (x: number) => number, x: number, tolerance: DerivativeTolerance, maxStep?: number,
): void {
  const claimed = derivative(x);
  const estimate = autoDerivative(f, x, maxStep === undefined ? {} : { maxStep });
  const allowed = ESTIMATE_FACTOR * estimate.error + (tolerance.rtol ?? 1e-6) * Math.abs(estimate.value) + (tolerance.atol ?? 1e-9);
  const error = Math.abs(claimed - estimate.value);
  if (!(error <= allowed)) {
    throw new Error(`${name}: derivative at x = ${x} is ${claimed}, numerical ${estimate.value} (${estimate.oracle}, step ${estimate.step}): error ${error} > allowed ${allowed}`);
  }
}

/**
 * One-sided numerical derivatives at `x` (left, right), for kinks.
 */
export function oneSidedDerivatives(f: (x: number) => number, x: number): [number, number] {
  return [autoDerivative(f, x, { side: 'backward' }).value, autoDerivative(f, x, { side: 'forward' }).value];
}
