/**
 * Property factory for activation functions: give it a function (and what you claim about it)
 * and it returns runnable properties for your own vitest or jest suite.
 *
 * @example
 * import { activationProperties } from 'gradproof/properties';
 * const elu = (x: number) => (x > 0 ? x : Math.expm1(x));
 * for (const p of activationProperties(elu, { name: 'elu', derivative: (x) => (x > 0 ? 1 : Math.exp(x)), kinks: [0] })) it(p.title, p.run);
 */
import fc from 'fast-check';
import { GradproofError } from '../src/symbolic/index.ts';
import { anyFloat, finiteFloat } from './float-arbitraries.ts';
import { propertyCase, type PropertyCase } from './property-case.ts';
import { assertDerivativeMatches, oneSidedDerivatives, type DerivativeTolerance } from './_internals/derivative-check.ts';

/** What an activation is claimed to satisfy. Only `name` is needed; each claim adds properties. */
export interface ActivationPropertyOptions {
  /** Prefix of the property ids (default: the function's name, else `activation`). */
  readonly name?: string;
  /** The claimed derivative; checked against a numerical derivative on `range`, away from `kinks`. */
  readonly derivative?: (x: number) => number;
  /** Points where f is not differentiable; there `derivative` must lie between the one-sided derivatives. */
  readonly kinks?: readonly number[];
  /** Where the derivative is checked (default [−20, 20]). */
  readonly range?: readonly [number, number];
  /** Tolerance of the derivative check (default rtol 1e-6, atol 1e-9, plus the oracle's error estimate). */
  readonly tolerance?: DerivativeTolerance;
  /** Values at −∞ and/or +∞: f(±∞) must equal them and f(±x) approach them for large x. */
  readonly limits?: { readonly '-inf'?: number; readonly '+inf'?: number };
  /** f(x) >= lowerBound for every finite x. */
  readonly lowerBound?: number;
  /** f(x) <= upperBound for every finite x. */
  readonly upperBound?: number;
  /**
   * The global minimum: f(at) = value (to `tolerance.rtol`) and f(x) >= value − `slack`
   * everywhere. `slack` (default 4 ulp of the value) allows a value stated to a few digits.
   */
  readonly minimum?: { readonly at: number; readonly value: number; readonly slack?: number };
  /** Monotonic on the whole line, or on an interval. */
  readonly monotonic?: 'increasing' | 'decreasing' | { readonly increasing: boolean; readonly on: readonly [number, number] };
  /** Known values [x, f(x)], compared to `tolerance`. */
  readonly values?: readonly (readonly [number, number])[];
  /** Whether NaN must map to NaN (default true). */
  readonly nanPropagates?: boolean;
  /** Runs of each property (default 200; `GRADPROOF_RUNS` overrides). */
  readonly numRuns?: number;
}

/** Runs per property by default: the checks are float64 and cheap. */
const DEFAULT_RUNS = 200;
/** Kinks are avoided by this much (relative to max(1, |kink|)) when checking the derivative. */
const KINK_GAP = 1e-6;
/** Large-|x| values at which a finite limit must already be reached to `LIMIT_TOLERANCE`. */
const LIMIT_FROM = 1e3;
const LIMIT_TOLERANCE = 1e-9;
/** Relative slack of bounds and minima: one float64 rounding or two. */
const BOUND_SLACK = 4 * Number.EPSILON;

/**
 * The properties of an activation function `f`.
 * @throws GradproofError GP_INPUT when `f` is not a function or an option is malformed.
 */
export function activationProperties(f: (x: number) => number, options: ActivationPropertyOptions = {}): PropertyCase[] {
  if (typeof f !== 'function') throw new GradproofError('GP_INPUT', `activationProperties: expected a function, got ${typeof f}`);
  const name = options.name ?? (f.name || 'activation');
  const runs = options.numRuns ?? DEFAULT_RUNS;
  const [lo, hi] = options.range ?? [-20, 20];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new GradproofError('GP_INPUT', `${name}: range: expected finite lo < hi, got [${lo}, ${hi}]`);
  const kinks = options.kinks ?? [];
  const cases: PropertyCase[] = [];
  const add = <Ts extends unknown[]>(id: string, statement: string, build: () => fc.IProperty<Ts>) => cases.push(propertyCase(`${name}.${id}`, statement, build, runs));
  const slack = (v: number) => BOUND_SLACK * Math.max(1, Math.abs(v));

  add('defined', `${name}(x) is a number (not NaN) for every finite x${options.nanPropagates === false ? '' : ', and NaN for NaN'}`, () =>
    fc.property(anyFloat({ near: kinks }), (x) => {
      const y = f(x);
      if (Number.isNaN(x)) return options.nanPropagates === false || Number.isNaN(y);
      return Number.isFinite(x) ? !Number.isNaN(y) : true;
    }));
  const derivative = options.derivative;
  if (derivative) {
    const gap = (x: number) => Math.min(...kinks.map((k) => Math.abs(x - k)));
    add('derivative', `the claimed derivative matches a numerical one on [${lo}, ${hi}] away from kinks`, () =>
      fc.property(finiteFloat({ min: lo, max: hi, near: [...kinks, 0] }), (x) => {
        const distance = kinks.length ? gap(x) : Infinity;
        if (distance < KINK_GAP * Math.max(1, Math.abs(x))) return;
        assertDerivativeMatches(name, f, derivative, x, options.tolerance ?? {}, distance === Infinity ? undefined : distance / 2);
      }));
    if (kinks.length > 0) {
      add('kink', `at each kink (${kinks.join(', ')}) the claimed derivative lies between the one-sided derivatives`, () =>
        fc.property(fc.constantFrom(...kinks), (k) => {
          const [left, right] = oneSidedDerivatives(f, k);
          const d = derivative(k);
          const tol = (options.tolerance?.rtol ?? 1e-6) * Math.max(Math.abs(left), Math.abs(right)) + (options.tolerance?.atol ?? 1e-9);
          if (!(d >= Math.min(left, right) - tol && d <= Math.max(left, right) + tol)) throw new Error(`${name}: derivative at kink ${k} is ${d}, one-sided ${left} and ${right}`);
        }));
    }
  }
  const limits = options.limits ?? {};
  if (limits['-inf'] !== undefined || limits['+inf'] !== undefined) {
    add('limits', `limits at ±∞: ${JSON.stringify(limits)}, reached by |x| = ${LIMIT_FROM} and exact at ±Infinity`, () =>
      fc.property(finiteFloat({ min: LIMIT_FROM, max: Number.MAX_VALUE }), (x) => {
        for (const [side, sign] of [['-inf', -1], ['+inf', 1]] as const) {
          const limit = limits[side];
          if (limit === undefined) continue;
          const atInfinity = f(sign * Infinity);
          const near = f(sign * x);
          if (atInfinity !== limit) throw new Error(`${name}(${sign * Infinity}) = ${atInfinity}, expected ${limit}`);
          if (!(Math.abs(near - limit) <= LIMIT_TOLERANCE * Math.max(1, Math.abs(limit)))) throw new Error(`${name}(${sign * x}) = ${near}, expected about ${limit}`);
        }
      }));
  }
  const { lowerBound, upperBound } = options;
  if (lowerBound !== undefined || upperBound !== undefined) {
    add('bounds', `${lowerBound ?? '−∞'} <= ${name}(x) <= ${upperBound ?? '∞'} for every finite x`, () =>
      fc.property(finiteFloat({ near: kinks }), (x) => {
        const y = f(x);
        return (lowerBound === undefined || y >= lowerBound - slack(lowerBound)) && (upperBound === undefined || y <= upperBound + slack(upperBound));
      }));
  }
  const minimum = options.minimum;
  if (minimum) {
    add('minimum', `the minimum is ${minimum.value} at x = ${minimum.at}`, () =>
      fc.property(finiteFloat({ near: [minimum.at] }), (x) => {
        const atMin = f(minimum.at);
        if (!(Math.abs(atMin - minimum.value) <= (options.tolerance?.rtol ?? 1e-6) * Math.max(1, Math.abs(minimum.value)))) {
          throw new Error(`${name}(${minimum.at}) = ${atMin}, expected the minimum ${minimum.value}`);
        }
        return f(x) >= minimum.value - (minimum.slack ?? slack(minimum.value));
      }));
  }
  const monotonic = options.monotonic;
  if (monotonic) {
    const increasing = typeof monotonic === 'string' ? monotonic === 'increasing' : monotonic.increasing;
    const [from, to] = typeof monotonic === 'string' ? [-Number.MAX_VALUE, Number.MAX_VALUE] : monotonic.on;
    const x = finiteFloat({ min: from, max: to, near: kinks });
    add('monotonic', `${increasing ? 'non-decreasing' : 'non-increasing'} on [${from}, ${to}]`, () =>
      fc.property(x, x, (a, b) => {
        const [p, q] = a <= b ? [a, b] : [b, a];
        return increasing ? f(p) <= f(q) : f(p) >= f(q);
      }));
  }
  const values = options.values ?? [];
  if (values.length > 0) {
    add('values', `known values ${values.map(([x, y]) => `f(${x}) = ${y}`).join(', ')}`, () =>
      fc.property(fc.constantFrom(...values), ([x, y]) => Math.abs(f(x) - y) <= (options.tolerance?.rtol ?? 1e-6) * Math.max(1, Math.abs(y))));
  }
  return cases;
}
