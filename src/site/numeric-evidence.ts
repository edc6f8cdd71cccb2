/**
 * Numerical evidence the site measures itself with the numeric layer: a float64 compiler for
 * the plots, the accuracy of the compiled (stable) kernel against the 50-digit reference, and
 * the central-difference error by step size (the "V" that shows a derivative is right).
 */
import type { MathNode } from 'mathjs';
import { centralDifference, compileExpression, exactStep, referenceValue, ulpError } from '../numeric/index.ts';
import { freeSymbols, parseExpression, type CatalogEntry, type FunctionReport } from '../symbolic/index.ts';
import { curveSetup, type NodeCompiler, type PointFunction } from './function-curves.ts';
import type { AccuracyEvidence, StepCurve } from './function-evidence.ts';

/** Points compared with the reference per function: enough to find a bad region, cheap at 50 digits. */
export const ACCURACY_POINTS = 41;
/** Half-width of the accuracy range for real inputs: into saturation, where naive kernels lose digits. */
export const ACCURACY_RANGE = 30;
/** Step sizes of the error curve: 10^-1 … 10^-13, past the optimum near ε^(1/3) ≈ 6e-6 into rounding. */
export const STEP_EXPONENTS = Array.from({ length: 13 }, (_, i) => i + 1);
/** Where the step curve is measured: away from kinks (at 0) and from zeros of the derivatives. */
export const STEP_CURVE_AT = 0.7;

/** Float64 compiler (stable rewrites on) for the plots. */
export const float64Compiler: NodeCompiler = (node: MathNode): PointFunction => {
  const variables = freeSymbols(node);
  const compiled = compileExpression(node, { variables });
  const values = new Float64Array(variables.length);
  return (point) => {
    variables.forEach((v, i) => {
      values[i] = point[v] ?? NaN;
    });
    return compiled.evaluate(values);
  };
};

/** Compiled kernel vs the 50-digit reference along the function's first variable. */
export function measureAccuracy(fn: FunctionReport, entry: CatalogEntry | undefined, points = ACCURACY_POINTS): AccuracyEvidence {
  const { variable, fixed, range: [lo, hi] } = curveSetup(fn, entry, ACCURACY_RANGE);
  const node = parseExpression(fn.expression);
  const f = float64Compiler(node);
  const errors: number[] = [];
  for (let i = 0; i < points; i++) {
    const x = lo + ((hi - lo) * i) / (points - 1);
    const point = { ...fixed, [variable]: x };
    const reference = referenceValue(node, point);
    if (Number.isFinite(reference)) errors.push(ulpError(f(point), reference));
  }
  errors.sort((a, b) => a - b);
  return { points: errors.length, maxUlp: errors[errors.length - 1] ?? NaN, medianUlp: errors[Math.floor(errors.length / 2)], range: `${variable} ∈ [${lo}, ${hi}]` };
}

/** |central difference − proved derivative| at {@link STEP_CURVE_AT} for h = 10^-k; undefined without a first derivative. */
export function stepErrorCurve(fn: FunctionReport, entry: CatalogEntry | undefined): StepCurve | undefined {
  const { variable, fixed, range } = curveSetup(fn, entry);
  const d = fn.derivatives.find((r) => r.wrt === variable && r.order === 1);
  if (!d) return undefined;
  const x0 = Math.min(Math.max(STEP_CURVE_AT, range[0]), range[1]);
  const f = float64Compiler(parseExpression(fn.expression));
  const df = float64Compiler(parseExpression(d.expression));
  const g = (x: number) => f({ ...fixed, [variable]: x });
  const exact = df({ ...fixed, [variable]: x0 });
  const points = STEP_EXPONENTS.map((k) => {
    const h = exactStep(x0, 10 ** -k);
    return { x: h, y: Math.abs(centralDifference(g, x0, h) - exact) };
  });
  return { variable, at: x0, points };
}
