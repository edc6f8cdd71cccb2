/**
 * Numerical derivatives of an expression with respect to one of its variables, by any oracle:
 * finite differences (forward, central, five-point, Richardson, automatic step), complex step,
 * dual numbers (first derivative) and hyper-dual numbers (second derivative).
 */
import type { MathNode } from 'mathjs';
import { GradproofError } from '../symbolic/index.ts';
import { compileAlgebra, type AlgebraFunction } from './algebra.ts';
import { compileExpression, type CompiledExpression } from './compile.ts';
import { Complex, COMPLEX_ALGEBRA } from './complex.ts';
import { Dual, DUAL_ALGEBRA, DUAL_MAGNITUDE_ALGEBRA } from './dual.ts';
import {
  backwardDifference, centralDifference, fivePointDifference, forwardDifference, richardsonCentral,
  type DerivativeEstimate, type OracleName,
} from './finite-difference.ts';
import { HyperDual, HYPER_DUAL_ALGEBRA } from './hyper-dual.ts';
import { autoDerivative } from './step-selection.ts';
import { FLOAT64_UNIT_ROUNDOFF } from './ulp.ts';

/** Which oracle to use: one by name, or `auto` (automatic step selection with Richardson). */
export type OracleChoice = OracleName | 'auto';

/** Options of {@link DerivativeOracles.estimate}. */
export interface EstimateOptions {
  readonly oracle?: OracleChoice;
  /** Step for the fixed-step oracles (default: 2^−k·max(1, |x|) suited to each). */
  readonly step?: number;
  /** Largest step (distance to a domain end or a kink). */
  readonly maxStep?: number;
  /** One-sided differences towards this side (kinks, domain ends); central when omitted. */
  readonly side?: 'forward' | 'backward';
}

/** Default steps as powers of two times max(1, |x|): near the optimum ε^(1/(p+1)) of each order p. */
const DEFAULT_STEP_EXPONENT: Readonly<Record<string, number>> = { forward: -27, backward: -27, central: -18, 'five-point': -10, richardson: -6 };
/** Complex step: tiny, so h² vanishes next to f (no subtraction, so no cancellation). */
const COMPLEX_STEP = 2 ** -500;
/** Rounding-error allowance of exact oracles (dual, complex step), in units of roundoff × magnitude. */
const EXACT_ORACLE_ROUNDING = 64;

const powerOfTwoScale = (x: number) => 2 ** Math.ceil(Math.log2(Math.max(Math.abs(x), 1)));

/** Derivative oracles for one expression (compiled once, used at many points). */
export class DerivativeOracles {
  readonly f: CompiledExpression;
  readonly magnitude: CompiledExpression;
  private complexF?: AlgebraFunction<Complex>;
  private dualF?: AlgebraFunction<Dual>;
  private dualMagnitudeF?: AlgebraFunction<Dual>;
  private hyperF?: AlgebraFunction<HyperDual>;

  constructor(readonly node: MathNode, readonly variables: readonly string[]) {
    this.f = compileExpression(node, { variables });
    this.magnitude = compileExpression(node, { variables, output: 'magnitude' });
  }

  /** The function of variable `wrt` alone, the others fixed at `values`. */
  slice(values: readonly number[], wrt: number): (t: number) => number {
    const point = [...values];
    return (t) => {
      point[wrt] = t;
      return this.f.evaluate(point);
    };
  }

  /** Estimated rounding noise of f at `values`: unit roundoff × the size of its terms (0 if that overflows). */
  noise(values: readonly number[]): number {
    const noise = FLOAT64_UNIT_ROUNDOFF * Math.abs(this.magnitude.evaluate(values));
    return Number.isFinite(noise) ? noise : 0; // an overflowed bound (e.g. ∞·0 at a kink of sqrt(x²)) says nothing
  }

  /** ∂f/∂(variables[wrt]) at `values`. */
  estimate(values: readonly number[], wrt: number, options: EstimateOptions = {}): DerivativeEstimate {
    const oracle = options.oracle ?? 'auto';
    const x = values[wrt]!;
    const f = this.slice(values, wrt);
    const cap = (h: number) => (options.maxStep === undefined ? h : Math.min(h, options.maxStep));
    const stepFor = (name: string) => cap(options.step ?? powerOfTwoScale(x) * 2 ** DEFAULT_STEP_EXPONENT[name]!);
    const noise = this.noise(values);
    switch (oracle) {
      case 'auto':
        return autoDerivative(f, x, { noise, maxStep: options.maxStep, side: options.side ?? 'central' });
      case 'forward':
      case 'backward': {
        const h = stepFor(oracle);
        const value = oracle === 'forward' ? forwardDifference(f, x, h) : backwardDifference(f, x, h);
        const curvature = Math.abs(centralDifference(f, x + (oracle === 'forward' ? h : -h), h) - centralDifference(f, x, h)) / h;
        return { value, step: h, oracle, error: (curvature * h) / 2 + (4 * noise) / h };
      }
      case 'central': {
        const h = stepFor('central');
        const value = centralDifference(f, x, h);
        return { value, step: h, oracle, error: Math.abs(value - centralDifference(f, x, 2 * h)) + (4 * noise) / h };
      }
      case 'five-point': {
        const h = stepFor('five-point');
        const value = fivePointDifference(f, x, h);
        return { value, step: h, oracle, error: Math.abs(value - fivePointDifference(f, x, 2 * h)) + (20 * noise) / h };
      }
      case 'richardson': {
        const h = stepFor('richardson');
        const r = richardsonCentral(f, x, h);
        return { value: r.value, step: h, oracle, error: r.error + (16 * noise) / (h / 4) };
      }
      case 'complex-step': {
        this.complexF ??= compileAlgebra(this.node, this.variables, COMPLEX_ALGEBRA);
        const h = COMPLEX_STEP * powerOfTwoScale(x);
        const args = values.map((v, i) => new Complex(v, i === wrt ? h : 0));
        const value = this.complexF(args).im / h;
        return { value, step: h, oracle, error: this.exactRounding(values, wrt, value) };
      }
      case 'dual': {
        this.dualF ??= compileAlgebra(this.node, this.variables, DUAL_ALGEBRA);
        const value = this.dualF(values.map((v, i) => new Dual(v, i === wrt ? 1 : 0))).derivative;
        return { value, step: 0, oracle, error: this.exactRounding(values, wrt, value) };
      }
      case 'hyper-dual':
        throw new GradproofError('GP_INPUT', 'oracle hyper-dual: expected a second-derivative check (use secondDerivative)');
      default:
        throw new GradproofError('GP_INPUT', `oracle: expected auto, forward, backward, central, five-point, richardson, complex-step or dual, got ${String(oracle)}`);
    }
  }

  /** Rounding error of an exact (dual / complex-step) derivative: u × the size of the terms it sums. */
  private exactRounding(values: readonly number[], wrt: number, value: number): number {
    this.dualMagnitudeF ??= compileAlgebra(this.node, this.variables, DUAL_MAGNITUDE_ALGEBRA);
    const terms = this.dualMagnitudeF(values.map((v, i) => new Dual(v, i === wrt ? 1 : 0))).derivative;
    return EXACT_ORACLE_ROUNDING * FLOAT64_UNIT_ROUNDOFF * (Math.abs(value) + (Number.isFinite(terms) ? terms : 0));
  }

  /** ∂²f/∂(variables[wrt])² at `values`, by hyper-dual numbers (exact up to rounding). */
  secondDerivative(values: readonly number[], wrt: number): DerivativeEstimate {
    this.hyperF ??= compileAlgebra(this.node, this.variables, HYPER_DUAL_ALGEBRA);
    const value = this.hyperF(values.map((v, i) => new HyperDual(v, i === wrt ? 1 : 0, i === wrt ? 1 : 0, 0))).e12;
    return { value, step: 0, oracle: 'hyper-dual', error: EXACT_ORACLE_ROUNDING * FLOAT64_UNIT_ROUNDOFF * Math.abs(value) };
  }
}
