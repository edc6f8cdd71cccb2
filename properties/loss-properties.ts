/**
 * Property factory for losses L(a, y) of a prediction a and a target y: give it the loss (and
 * what you claim about it) and it returns runnable properties for your own vitest or jest suite.
 *
 * @example
 * import { lossProperties } from 'gradproof/properties';
 * const mse = (a: number, y: number) => (a - y) ** 2;
 * for (const p of lossProperties(mse, { name: 'mse', gradient: (a, y) => 2 * (a - y), upperBound: 1 })) it(p.title, p.run);
 */
import fc from 'fast-check';
import { GradproofError } from '../src/symbolic/index.ts';
import { finiteFloat } from './float-arbitraries.ts';
import { propertyCase, type PropertyCase } from './property-case.ts';
import { assertDerivativeMatches, type DerivativeTolerance } from './_internals/derivative-check.ts';

/** What a loss is claimed to satisfy. */
export interface LossPropertyOptions {
  /** Prefix of the property ids (default: the function's name, else `loss`). */
  readonly name?: string;
  /** Predictions: an interval (default [0, 1]); `open` excludes the ends (e.g. BCE needs a ∈ (0, 1)). */
  readonly prediction?: { readonly min: number; readonly max: number; readonly open?: boolean };
  /** Targets: `labels` for y ∈ {0, 1} only, or `interval` for y ∈ [0, 1] (default `interval`). */
  readonly targets?: 'labels' | 'interval';
  /** ∂L/∂a; checked against a numerical derivative inside the prediction interval. */
  readonly gradient?: (a: number, y: number) => number;
  /** Tolerance of the gradient check (default rtol 1e-6, atol 1e-9, plus the oracle's error estimate). */
  readonly tolerance?: DerivativeTolerance;
  /** L >= 0 (default true). */
  readonly nonNegative?: boolean;
  /** L(a, y) <= upperBound on the whole domain. */
  readonly upperBound?: number;
  /** L(a, y) >= L(y, y): the target is the best prediction (default true; a proper scoring rule). */
  readonly minimalAtTarget?: boolean;
  /** L(y, y) = 0 for y ∈ {0, 1} (default true). */
  readonly zeroAtLabels?: boolean;
  /** Known values [a, y, L(a, y)]. */
  readonly values?: readonly (readonly [number, number, number])[];
  /** Runs of each property (default 200; `GRADPROOF_RUNS` overrides). */
  readonly numRuns?: number;
}

/** Runs per property by default. */
const DEFAULT_RUNS = 200;
/** Relative slack of bounds: a few float64 roundings. */
const BOUND_SLACK = 8 * Number.EPSILON;
/** Distance from open ends of the prediction interval at which gradients are checked. */
const END_GAP = 1e-6;

/**
 * The properties of a loss `loss(a, y)`.
 * @throws GradproofError GP_INPUT when `loss` is not a function or an option is malformed.
 */
export function lossProperties(loss: (a: number, y: number) => number, options: LossPropertyOptions = {}): PropertyCase[] {
  if (typeof loss !== 'function') throw new GradproofError('GP_INPUT', `lossProperties: expected a function, got ${typeof loss}`);
  const name = options.name ?? (loss.name || 'loss');
  const runs = options.numRuns ?? DEFAULT_RUNS;
  const { min, max, open } = options.prediction ?? { min: 0, max: 1 };
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) throw new GradproofError('GP_INPUT', `${name}: prediction: expected finite min < max, got [${min}, ${max}]`);
  const inner = open ? [min + END_GAP * (max - min), max - END_GAP * (max - min)] as const : [min, max] as const;
  const a = finiteFloat({ min: inner[0], max: inner[1], near: [min, max, (min + max) / 2] }).filter((v) => !open || (v > min && v < max));
  const y = options.targets === 'labels' ? fc.constantFrom(0, 1) : finiteFloat({ min: 0, max: 1, near: [0, 1, 0.5] });
  const cases: PropertyCase[] = [];
  const add = <Ts extends unknown[]>(id: string, statement: string, build: () => fc.IProperty<Ts>) => cases.push(propertyCase(`${name}.${id}`, statement, build, runs));
  const slack = (v: number) => BOUND_SLACK * Math.max(1, Math.abs(v));

  add('defined', `${name}(a, y) is a number (not NaN, not −∞) on the domain`, () =>
    fc.property(a, y, (p, t) => {
      const v = loss(p, t);
      return !Number.isNaN(v) && v !== -Infinity;
    }));
  if (options.nonNegative !== false) {
    add('non-negative', `${name}(a, y) >= 0`, () => fc.property(a, y, (p, t) => loss(p, t) >= -slack(0)));
  }
  if (options.upperBound !== undefined) {
    const bound = options.upperBound;
    add('bounded', `${name}(a, y) <= ${bound}`, () => fc.property(a, y, (p, t) => loss(p, t) <= bound + slack(bound)));
  }
  if (options.minimalAtTarget !== false) {
    const target = options.targets === 'labels' ? y : y.filter((t) => !open || (t > min && t < max));
    add('minimal-at-target', `${name}(a, y) >= ${name}(y, y): the target is the best prediction`, () =>
      fc.property(a, target, (p, t) => loss(p, t) >= loss(t, t) - slack(loss(t, t))));
  }
  if (options.zeroAtLabels !== false && !open) {
    add('zero-at-labels', `${name}(y, y) = 0 for y ∈ {0, 1}`, () => fc.property(fc.constantFrom(0, 1), (t) => Math.abs(loss(t, t)) <= slack(0)));
  }
  const gradient = options.gradient;
  if (gradient) {
    add('gradient', `the claimed ∂${name}/∂a matches a numerical derivative inside the domain`, () =>
      fc.property(a, y, (p, t) => {
        const room = Math.min(p - min, max - p);
        if (room < END_GAP * (max - min)) return;
        assertDerivativeMatches(`${name}(·, ${t})`, (v) => loss(v, t), (v) => gradient(v, t), p, options.tolerance ?? {}, room / 2);
      }));
  }
  const values = options.values ?? [];
  if (values.length > 0) {
    add('values', `known values ${values.map(([p, t, v]) => `L(${p}, ${t}) = ${v}`).join(', ')}`, () =>
      fc.property(fc.constantFrom(...values), ([p, t, v]) => Math.abs(loss(p, t) - v) <= 1e-12 * Math.max(1, Math.abs(v))));
  }
  return cases;
}
