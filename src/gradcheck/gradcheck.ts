/**
 * The gradient checker's main entry: an analytic derivative of an expression, checked against
 * numerical oracles at a grid, seeded random points and special points.
 */
import type { MathNode } from 'mathjs';
import { GradproofError, parseExpression, type Interval } from '../symbolic/index.ts';
import type { Dtype, OracleChoice } from '../numeric/index.ts';
import { collectReport } from './collect-report.ts';
import type { GradcheckReport } from './report.ts';
import { samplePoints } from './sample-points.ts';
import { ScalarChecker } from './scalar-checker.ts';
import { resolveTolerance } from './tolerance.ts';

/** Options shared by every scalar check. */
export interface CheckSettings {
  /** Arithmetic of the analytic side: `float64` (default) or `float32` (preset tolerances). */
  readonly dtype?: Dtype;
  /** Numerical oracle (default `auto`: step sweep + Richardson, confirmed by dual numbers). */
  readonly oracle?: OracleChoice;
  /** Number of points (default {@link DEFAULT_POINTS}). */
  readonly points?: number;
  /** Range of the checked variable (default {@link DEFAULT_RANGE}, intersected with its domain). */
  readonly range?: readonly [number, number];
  /** Seed of the random points (default {@link DEFAULT_SEED}). */
  readonly seed?: number;
  /** Overrides of the preset tolerance. */
  readonly atol?: number;
  readonly rtol?: number;
}

/** Options of {@link gradcheck}. */
export interface GradcheckOptions extends CheckSettings {
  /** The function (node or mathjs text). */
  readonly f: MathNode | string;
  /** Its claimed derivative with respect to `variable`. */
  readonly df: MathNode | string;
  readonly variable: string;
  /** Values of every other symbol (parameters, other variables). */
  readonly params?: Readonly<Record<string, number>>;
  /** Extra points to visit: kinks and minima of f. */
  readonly kinks?: readonly number[];
  readonly minima?: readonly number[];
  /** Domain of the variable (open ends keep stencils inside). */
  readonly domain?: Interval;
  /** Explicit points (replaces sampling). */
  readonly at?: readonly number[];
}

/** Points per check by default: enough to hit every region, fast enough for property tests. */
export const DEFAULT_POINTS = 200;
/** Default range of a checked variable: where activations and logits live in practice. */
export const DEFAULT_RANGE: readonly [number, number] = [-20, 20];
/** Default seed (any fixed number: reports print the seed they used). */
export const DEFAULT_SEED = 1;
/** Most points one check accepts. */
const MAX_POINTS = 10_000_000;

/** Validated settings with every default filled in. */
export function resolveSettings(settings: CheckSettings) {
  const points = settings.points ?? DEFAULT_POINTS;
  if (!Number.isInteger(points) || points < 1 || points > MAX_POINTS) throw new GradproofError('GP_INPUT', `points: expected an integer from 1 to ${MAX_POINTS}, got ${points}`);
  const range = settings.range ?? DEFAULT_RANGE;
  if (!(range.length === 2 && Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])) {
    throw new GradproofError('GP_INPUT', `range: expected two finite numbers lo < hi, got ${range.join(',')}`);
  }
  const seed = settings.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new GradproofError('GP_INPUT', `seed: expected an integer, got ${seed}`);
  const dtype = settings.dtype ?? 'float64';
  if (dtype !== 'float64' && dtype !== 'float32') throw new GradproofError('GP_INPUT', `dtype: expected float64 or float32, got ${String(dtype)}`);
  return { points, range: [range[0], range[1]] as [number, number], seed, dtype, oracle: settings.oracle ?? 'auto', tolerance: resolveTolerance(dtype, { atol: settings.atol, rtol: settings.rtol }) };
}

const toNode = (e: MathNode | string): MathNode => (typeof e === 'string' ? parseExpression(e) : e);

/**
 * Checks that `df` is the derivative of `f` with respect to `variable`.
 *
 * @throws GradproofError GP_PARSE / GP_INPUT for bad expressions or options.
 * @example
 * gradcheck({ f: 'x*sigmoid(x)', df: 'sigmoid(x) + x*sigmoid(x)*(1-sigmoid(x))', variable: 'x' }).status // 'pass'
 */
export function gradcheck(options: GradcheckOptions): GradcheckReport {
  const s = resolveSettings(options);
  const f = toNode(options.f);
  const df = toNode(options.df);
  const params = options.params ?? {};
  const variables = [options.variable, ...Object.keys(params).filter((p) => p !== options.variable)];
  const checker = new ScalarChecker(f, df, variables, options.variable, {
    dtype: s.dtype, oracle: s.oracle, tolerance: s.tolerance, domains: options.domain ? { [options.variable]: options.domain } : undefined,
  });
  const domain = options.domain;
  const lo = Math.max(s.range[0], domain?.min ?? -Infinity), hi = Math.min(s.range[1], domain?.max ?? Infinity);
  const xs = roundedUnique(options.at ?? samplePoints({
    count: s.points, range: [lo, hi], seed: s.seed, kinks: options.kinks, minima: options.minima,
    open: Boolean(domain?.openMin || domain?.openMax),
  }), s.dtype);
  const rest = variables.slice(1).map((v) => params[v]!);
  const outcomes = xs.map((x) => checker.check([x, ...rest]));
  return collectReport(outcomes, { subject: `d/d${options.variable} ${typeof options.f === 'string' ? options.f : f.toString()}`, dtype: s.dtype, seed: s.seed });
}

/** `xs` rounded to the dtype, duplicates (after rounding) removed. */
export function roundedUnique(xs: readonly number[], dtype: Dtype): number[] {
  if (dtype === 'float64') return [...xs];
  return [...new Set(xs.map(Math.fround))];
}
