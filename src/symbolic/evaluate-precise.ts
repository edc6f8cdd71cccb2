/**
 * The high-precision reference evaluator: a whitelisted expression at a point, to N significant
 * digits (default 50), in decimal arithmetic (mathjs `BigNumber` = decimal.js).
 *
 * Method: every operation runs at `digits + GUARD_DIGITS` significant digits; functions that lose
 * relative accuracy near a special point are computed with extra digits there (`expm1`-style
 * evaluation of e^u − 1 for tanh and sinh near 0, ln(1 + u) for small u in log1p and softplus),
 * so that every registered function keeps its relative accuracy. The result is rounded to
 * `digits`. Never calls mathjs `evaluate`.
 *
 * Special cases: where a function is undefined the result is NaN (log of a number <= 0, 0/0 and
 * any division by 0, sqrt of a negative number, a negative base with a non-integer exponent).
 * Overflow of e^u (|u| beyond ~2·10^16) gives ±Infinity, which callers treat as "not a value".
 * Piecewise functions at their kink: abs(0) = relu(0) = sign(0) = 0, max/min as usual, and
 * heaviside(0) = 1/2 (the mean of its one-sided limits, so that H(u) = (1 + sign u)/2 everywhere).
 */
import { bignumber, type BigNumber, type ConstantNode, type FunctionNode, type MathNode, type OperatorNode, type SymbolNode } from 'mathjs';
import type { Decimal } from 'decimal.js';
import { GradproofError } from './error.ts';

/** Default number of significant digits of the result: 50, the reference precision of gradproof. */
export const DEFAULT_PRECISE_DIGITS = 50;

/** Extra digits carried through every operation, so that rounding errors stay below the result's last digit. */
export const GUARD_DIGITS = 15;

/** Largest precision accepted: beyond it decimal arithmetic gets slow and no check needs it. */
const MAX_DIGITS = 1000;

/** Options of {@link evaluatePrecise}. */
export interface EvaluatePreciseOptions {
  /** Significant digits of the result (default {@link DEFAULT_PRECISE_DIGITS}, 1 to 1000). */
  readonly digits?: number;
  /** Give up (GP_TIMEOUT) once `Date.now()` passes this instant; default: no deadline. */
  readonly deadline?: number;
}

type Ctor = Decimal.Constructor;
const BASE: Ctor = (bignumber(0) as unknown as { constructor: Ctor }).constructor;
const CTORS = new Map<number, Ctor>();

/** A decimal.js constructor working at `precision` significant digits (cached). */
export function decimalAt(precision: number): Ctor {
  let ctor = CTORS.get(precision);
  if (!ctor) {
    ctor = BASE.clone({ precision, rounding: BASE.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });
    CTORS.set(precision, ctor);
  }
  return ctor;
}

/**
 * The value of `node` at `point`, to `digits` significant digits (NaN where undefined).
 *
 * @throws GradproofError GP_INPUT when a symbol has no value in `point`, a value is not a number,
 *   or the node is not one of the whitelisted kinds; GP_TIMEOUT past `options.deadline`.
 * @example
 * evaluatePrecise(parseExpression('sigmoid(x)'), { x: 0 }).toString()   // "0.5"
 * evaluatePrecise(parseExpression('log(x)'), { x: -1 }).isNaN()         // true
 */
export function evaluatePrecise(
  node: MathNode,
  point: Readonly<Record<string, number | string>>,
  options: EvaluatePreciseOptions = {},
): BigNumber {
  return evaluateWithMagnitude(node, point, options).value;
}

/** A value with the decimal exponent of the largest intermediate result (to see cancellation). */
export interface PreciseValue {
  readonly value: BigNumber;
  /** Largest decimal exponent of any finite intermediate value (−Infinity when all were 0). */
  readonly largestExponent: number;
}

/**
 * Like {@link evaluatePrecise}, and also reports the largest intermediate magnitude: when it
 * exceeds the result's by k digits, k digits were lost to cancellation (e^{1000} + x − e^{1000}),
 * and the caller can evaluate again with k more.
 */
export function evaluateWithMagnitude(
  node: MathNode,
  point: Readonly<Record<string, number | string>>,
  options: EvaluatePreciseOptions = {},
): PreciseValue {
  const digits = options.digits ?? DEFAULT_PRECISE_DIGITS;
  if (!Number.isInteger(digits) || digits < 1 || digits > MAX_DIGITS) {
    throw new GradproofError('GP_INPUT', `digits: expected an integer from 1 to ${MAX_DIGITS}, got ${digits}`);
  }
  const precision = digits + GUARD_DIGITS;
  const D = decimalAt(precision);
  const values = new Map<string, Decimal>();
  for (const [name, value] of Object.entries(point)) {
    let d: Decimal;
    try {
      d = new D(value);
    } catch (error) {
      throw new GradproofError('GP_INPUT', `value of '${name}': expected a number, got ${JSON.stringify(value)}`, { cause: error });
    }
    values.set(name, d);
  }
  const evaluator = new PreciseEvaluator(precision, values, options.deadline);
  const result = evaluator.evaluate(node);
  const value = (result.isFinite() ? result.toSignificantDigits(digits) : result) as unknown as BigNumber;
  return { value, largestExponent: evaluator.largestExponent };
}

/** Evaluates nodes at one precision with fixed symbol values. Internal to this module. */
class PreciseEvaluator {
  private readonly D: Ctor;
  private readonly nan: Decimal;
  private readonly zero: Decimal;
  private readonly one: Decimal;
  private visited = 0;
  /** Largest decimal exponent of a finite nonzero intermediate value. */
  largestExponent = -Infinity;

  constructor(private readonly precision: number, private readonly values: ReadonlyMap<string, Decimal>, private readonly deadline?: number) {
    this.D = decimalAt(precision);
    this.nan = new this.D(NaN);
    this.zero = new this.D(0);
    this.one = new this.D(1);
  }

  evaluate(node: MathNode): Decimal {
    const v = this.evaluateNode(node);
    if (v.isFinite() && !v.isZero() && v.e > this.largestExponent) this.largestExponent = v.e;
    return v;
  }

  private evaluateNode(node: MathNode): Decimal {
    if (this.deadline !== undefined && (++this.visited & 15) === 0 && Date.now() > this.deadline) {
      throw new GradproofError('GP_TIMEOUT', `precise evaluation: expected to finish before the deadline, got past it after ${this.visited} nodes`);
    }
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as ConstantNode).value as unknown;
        if (typeof value !== 'number') throw new GradproofError('GP_INPUT', `constant: expected a number, got ${String(value)}`);
        return new this.D(value);
      }
      case 'SymbolNode':
        return this.symbol((node as SymbolNode).name);
      case 'ParenthesisNode':
        return this.evaluate((node as unknown as { content: MathNode }).content);
      case 'OperatorNode':
        return this.operator(node as OperatorNode);
      case 'FunctionNode': {
        const fn = node as FunctionNode;
        const name = (fn.fn as unknown as SymbolNode).name;
        const args = (fn.args as MathNode[]).map((a) => this.evaluate(a));
        return this.call(name, args);
      }
      default:
        throw new GradproofError('GP_INPUT', `node ${node.type}: expected a whitelisted arithmetic expression`);
    }
  }

  private symbol(name: string): Decimal {
    const value = this.values.get(name);
    if (value !== undefined) return value;
    if (name === 'e') return this.one.exp();
    if (name === 'pi') return this.D.acos(-1);
    throw new GradproofError('GP_INPUT', `symbol '${name}': expected a value for it in the point`);
  }

  private operator(op: OperatorNode): Decimal {
    const args = op.args as MathNode[];
    if (args.length === 1) {
      const v = this.evaluate(args[0]!);
      if (op.fn === 'unaryMinus') return v.neg();
      if (op.fn === 'unaryPlus') return v;
    } else if (args.length === 2) {
      if (op.fn === 'pow' && args[0]!.type === 'SymbolNode' && (args[0] as SymbolNode).name === 'e' && !this.values.has('e')) {
        return this.evaluate(args[1]!).exp();
      }
      const a = this.evaluate(args[0]!);
      const b = this.evaluate(args[1]!);
      switch (op.fn) {
        case 'add': return a.plus(b);
        case 'subtract': return a.minus(b);
        case 'multiply': return a.times(b);
        case 'divide': return b.isZero() ? this.nan : a.div(b);
        case 'pow': return this.power(a, b);
      }
    }
    throw new GradproofError('GP_INPUT', `operator '${op.op}': expected one of + - * / ^`);
  }

  private power(a: Decimal, b: Decimal): Decimal {
    if (a.isNaN() || b.isNaN()) return this.nan;
    if (a.isZero()) return b.isZero() ? this.one : b.isNegative() ? this.nan : this.zero;
    if (a.isNegative() && !b.isInteger()) return this.nan;
    return a.pow(b);
  }

  private call(name: string, args: Decimal[]): Decimal {
    if (args.some((a) => a.isNaN())) return this.nan;
    const [u, v] = args as [Decimal, Decimal];
    switch (name) {
      case 'exp': return u.exp();
      case 'log': return u.isPositive() && !u.isZero() ? u.ln() : this.nan;
      case 'log1p': return this.log1p(u);
      case 'sqrt': return u.isNegative() && !u.isZero() ? this.nan : u.sqrt();
      case 'tanh': return this.tanh(u);
      case 'sinh': return this.expm1(u).minus(this.expm1(u.neg())).div(2);
      case 'cosh': return u.exp().plus(u.neg().exp()).div(2);
      case 'sech': return this.two().div(u.exp().plus(u.neg().exp()));
      case 'sigmoid': return this.sigmoid(u);
      case 'softplus': return this.softplus(u);
      case 'swish': return u.times(this.sigmoid(u));
      case 'mish': return u.times(this.tanh(this.softplus(u)));
      case 'abs': return u.abs();
      case 'relu': return u.isPositive() && !u.isZero() ? u : this.zero;
      case 'max': return u.gte(v) ? u : v;
      case 'min': return u.lte(v) ? u : v;
      case 'sign': return u.isZero() ? this.zero : new this.D(u.isNegative() ? -1 : 1);
      case 'heaviside': return u.isZero() ? new this.D(0.5) : u.isNegative() ? this.zero : this.one;
      default:
        throw new GradproofError('GP_INPUT', `function '${name}': expected a registered function`);
    }
  }

  private two(): Decimal {
    return new this.D(2);
  }

  private sigmoid(u: Decimal): Decimal {
    return this.one.div(this.one.plus(u.neg().exp()));
  }

  /** ln(1 + e^u), with ln(1 + w) evaluated accurately for small w = e^u. */
  private softplus(u: Decimal): Decimal {
    if (u.gt(this.precision)) return u.plus(this.log1p(u.neg().exp()));
    return this.log1p(u.exp());
  }

  /** tanh u = expm1(2u) / (expm1(2u) + 2): no cancellation near 0. */
  private tanh(u: Decimal): Decimal {
    if (u.abs().gt(2 * this.precision)) return new this.D(u.isNegative() ? -1 : 1);
    const m = this.expm1(u.times(2));
    return m.div(m.plus(2));
  }

  /** e^u − 1 with full relative accuracy: extra digits for small |u|, two series terms for tiny |u|. */
  private expm1(u: Decimal): Decimal {
    if (u.isZero()) return this.zero;
    if (u.abs().gte(0.5)) return u.exp().minus(1);
    const lost = -u.e; // decimal digits lost to cancellation in e^u − 1
    if (lost > this.precision) return u.plus(u.times(u).div(2));
    const H = decimalAt(this.precision + lost + 2);
    return new this.D(new H(u).exp().minus(1));
  }

  /** ln(1 + u) with full relative accuracy near u = 0; NaN for u <= −1. */
  private log1p(u: Decimal): Decimal {
    if (u.lte(-1)) return this.nan;
    if (u.isZero()) return this.zero;
    if (u.abs().gte(0.5)) return u.plus(1).ln();
    const lost = -u.e;
    if (lost > this.precision) return u.minus(u.times(u).div(2));
    const H = decimalAt(this.precision + lost + 2);
    return new this.D(new H(u).plus(1).ln());
  }
}
