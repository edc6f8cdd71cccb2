/**
 * The high-precision reference: an expression's value at a float64 point to 50 significant
 * digits (the symbolic layer's decimal evaluator), and that value rounded to float64/float32,
 * against which compiled code and kernels are measured in ulps.
 */
import type { MathNode } from 'mathjs';
import { evaluatePrecise } from '../symbolic/index.ts';

/** Digits of the reference: far beyond float64's 17, so rounding it to float64 is correct rounding. */
export const REFERENCE_DIGITS = 50;

/**
 * The exact decimal of a float64 (every double has a finite decimal expansion; 17 significant
 * digits would round it and perturb ill-conditioned references).
 */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x) || x === 0) return String(x);
  // toPrecision accepts at most 100 digits: enough for doubles down to ~1e-80 exactly and for the
  // leading 100 digits of smaller ones (relative error < 1e-99, far below the reference's 1e-50).
  return x.toPrecision(100);
}

/**
 * The value of `node` at `point` to `digits` ({@link REFERENCE_DIGITS} by default) digits, rounded to float64
 * (NaN where undefined, ±Infinity beyond the float64 range).
 * @example referenceValue(parseExpression('exp(x)'), { x: 1 }) // 2.718281828459045
 */
export function referenceValue(node: MathNode, point: Readonly<Record<string, number>>, digits: number = REFERENCE_DIGITS): number {
  const exact: Record<string, string> = {};
  for (const [name, value] of Object.entries(point)) exact[name] = exactDecimal(value);
  const result = evaluatePrecise(node, exact, { digits });
  return Number(result.toString());
}
