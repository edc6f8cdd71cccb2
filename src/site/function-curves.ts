/**
 * The points plotted on a function's page: the function and its first and second derivatives
 * along its first variable, every other input fixed. Evaluation is injected (a
 * {@link NodeCompiler}), so this module does not depend on who compiles expressions.
 */
import type { MathNode } from 'mathjs';
import { parseExpression, type CatalogEntry, type FunctionReport } from '../symbolic/index.ts';
import type { PlotSeries } from './plot-svg.ts';

/** A compiled expression: the value at a point given by name. */
export type PointFunction = (point: Readonly<Record<string, number>>) => number;

/** Turns an expression into a float64 function. */
export type NodeCompiler = (node: MathNode) => PointFunction;

/** What a function page plots. */
export interface FunctionCurves {
  readonly variable: string;
  /** Values of the other inputs and parameters. */
  readonly fixed: Readonly<Record<string, number>>;
  readonly series: readonly PlotSeries[];
}

/** Points per curve: enough for smooth curves on a 480 px plot, cheap to compute. */
export const CURVE_SAMPLES = 241;
/** Half-width of the plotted range for variables over all reals: shows saturation of σ, tanh, softplus. */
export const REAL_RANGE = 5;
/** Inset from the ends of a bounded, open domain (BCE's a ∈ (0, 1)), where the function blows up. */
const OPEN_INSET = 0.01;

/** Where a function is sampled: along its first variable over `range`, other inputs `fixed`. */
export interface CurveSetup {
  readonly variable: string;
  readonly range: readonly [number, number];
  readonly fixed: Readonly<Record<string, number>>;
}

/** The sampling set-up of `fn` (its catalog entry gives domains and parameter defaults). */
export function curveSetup(fn: FunctionReport, entry: CatalogEntry | undefined, realRange = REAL_RANGE): CurveSetup {
  const variable = fn.variables[0]!;
  return { variable, range: rangeOf(entry, variable, realRange), fixed: fixedValues(fn, entry) };
}

function rangeOf(entry: CatalogEntry | undefined, variable: string, half: number): [number, number] {
  const domain = entry?.variables.find((v) => v.name === variable)?.domain;
  if (!domain) return [-half, half];
  const lo = Number.isFinite(domain.min) ? domain.min + (domain.openMin ? OPEN_INSET : 0) : -half;
  const hi = Number.isFinite(domain.max) ? domain.max - (domain.openMax ? OPEN_INSET : 0) : half;
  return [Math.max(lo, -half), Math.min(hi, half)];
}

/** The value other inputs are held at: a bounded input (a target y) at its top, others at 0; parameters at their default. */
function fixedValues(fn: FunctionReport, entry: CatalogEntry | undefined): Record<string, number> {
  const fixed: Record<string, number> = {};
  for (const name of fn.variables.slice(1)) {
    const domain = entry?.variables.find((v) => v.name === name)?.domain;
    fixed[name] = domain && Number.isFinite(domain.max) ? domain.max : 0;
  }
  for (const name of fn.parameters) fixed[name] = entry?.parameters.find((p) => p.name === name)?.default ?? 1;
  return fixed;
}

/**
 * Samples f, f′ and f″ of `fn` along its first variable.
 * @example functionCurves(report.functions[0], catalog.find('sigmoid'), compile)
 */
export function functionCurves(fn: FunctionReport, entry: CatalogEntry | undefined, compile: NodeCompiler, samples = CURVE_SAMPLES): FunctionCurves {
  const { variable, fixed, range: [lo, hi] } = curveSetup(fn, entry);
  const sources: { name: string; text: string }[] = [{ name: fn.title, text: fn.expression }];
  for (const order of [1, 2] as const) {
    const d = fn.derivatives.find((r) => r.wrt === variable && r.order === order);
    if (d) sources.push({ name: `${fn.title}${order === 1 ? '′' : '″'}`, text: d.expression });
  }
  const series = sources.map(({ name, text }) => {
    const f = compile(parseExpression(text));
    const points = Array.from({ length: samples }, (_, i) => {
      const x = lo + ((hi - lo) * i) / (samples - 1);
      return { x, y: f({ ...fixed, [variable]: x }) };
    });
    return { name, points };
  });
  return { variable, fixed, series };
}
