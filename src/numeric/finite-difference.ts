/**
 * Finite-difference derivatives of a scalar function: forward, backward, central, five-point
 * and Richardson-extrapolated central and one-sided differences.
 *
 * Steps are made exactly representable: the step actually taken is (x + h) − x, computed
 * exactly, so the only errors are truncation and the rounding of f itself.
 */

/** A real function of one real variable. */
export type ScalarFunction = (x: number) => number;

/** Names of the derivative oracles. */
export type OracleName = 'forward' | 'backward' | 'central' | 'five-point' | 'richardson' | 'complex-step' | 'dual' | 'hyper-dual';

/** A derivative estimate with its estimated absolute error. */
export interface DerivativeEstimate {
  readonly value: number;
  /** Estimated absolute error (truncation + rounding); 0 for exact oracles before rounding. */
  readonly error: number;
  /** Step used (0 for dual numbers). */
  readonly step: number;
  readonly oracle: OracleName;
}

/** The step really taken from x towards x + h: exactly representable, and x + it is exact. */
export function exactStep(x: number, h: number): number {
  return (x + h) - x;
}

/** (f(x+h) − f(x))/h: error O(h). */
export function forwardDifference(f: ScalarFunction, x: number, h: number): number {
  const step = exactStep(x, h);
  return (f(x + step) - f(x)) / step;
}

/** (f(x) − f(x−h))/h: error O(h). */
export function backwardDifference(f: ScalarFunction, x: number, h: number): number {
  const step = -exactStep(x, -h);
  return (f(x) - f(x - step)) / step;
}

/** (f(x+h) − f(x−h))/(x+h − (x−h)): error O(h²). */
export function centralDifference(f: ScalarFunction, x: number, h: number): number {
  const up = x + h;
  const down = x - h;
  return (f(up) - f(down)) / (up - down);
}

/** (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h))/(12h): error O(h⁴). */
export function fivePointDifference(f: ScalarFunction, x: number, h: number): number {
  const step = Math.min(exactStep(x, h), -exactStep(x, -h), exactStep(x, 2 * h) / 2, -exactStep(x, -2 * h) / 2);
  return (-f(x + 2 * step) + 8 * f(x + step) - 8 * f(x - step) + f(x - 2 * step)) / (12 * step);
}

/**
 * Richardson extrapolation of a difference quotient D(h) with error c₁h^p + c₂h^(p+q) + …:
 * D at h, h/2, …, h/2^(levels−1), combined level by level. Returns the most extrapolated value
 * and, as its error estimate, its distance to the best value of the level before.
 */
export function richardson(quotient: (h: number) => number, h: number, order: number, orderStep: number, levels = 3): { value: number; error: number } {
  let row = Array.from({ length: levels }, (_, i) => quotient(h / 2 ** i));
  let previous = row[row.length - 1]!;
  let p = order;
  while (row.length > 1) {
    const factor = 2 ** p;
    previous = row[row.length - 1]!;
    row = row.slice(1).map((fine, i) => (factor * fine - row[i]!) / (factor - 1));
    p += orderStep;
  }
  const value = row[0]!;
  return { value, error: Math.abs(value - previous) };
}

/** Richardson-extrapolated central difference (orders 2, 4, 6). */
export function richardsonCentral(f: ScalarFunction, x: number, h: number, levels = 3): { value: number; error: number } {
  return richardson((s) => centralDifference(f, x, s), h, 2, 2, levels);
}

/** Richardson-extrapolated one-sided difference (orders 1, 2, 3); `side` +1 forward, −1 backward. */
export function richardsonOneSided(f: ScalarFunction, x: number, h: number, side: 1 | -1, levels = 3): { value: number; error: number } {
  return richardson((s) => (side > 0 ? forwardDifference(f, x, s) : backwardDifference(f, x, s)), h, 1, 1, levels);
}
