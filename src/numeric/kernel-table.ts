/**
 * The fixed table of float64 kernels the compiler and the dual / hyper-dual algebras may call:
 * each registered function (and three internal fused kernels the compiler's stable rewrites
 * produce) with its first and second derivative, written by hand from the mathematics so they
 * are independent of the symbolic deriver they are used to check.
 */
import {
  logSigmoid, mish, mishFromExp, sechSoftplus, sechSoftplusFromExp, sigmoid, sigmoidFromExp, softplus, softplusFromExp, swish, swishFromExp,
  tanhSoftplus, tanhSoftplusFromExp,
} from './stable-kernels.ts';

/** A smooth (away from kinks) scalar kernel: value, first and second derivative. */
export interface Kernel {
  readonly name: string;
  readonly arity: 1 | 2;
  readonly f: (a: number, b: number) => number;
  /** f′ (unary kernels); for binary ones the algebras branch instead. */
  readonly d1: (a: number) => number;
  readonly d2: (a: number) => number;
  /** True for piecewise kernels (abs, relu, max, …): derivatives hold away from the kink. */
  readonly piecewise?: boolean;
  /** For a d1 that sums terms of both signs: the sum of their absolute values (rounding-error scale). */
  readonly d1Terms?: (a: number) => number;
  /** The same value given u = e^−|a| (sigmoid family): the compiler shares u between kernels. */
  readonly fromExp?: (a: number, u: number) => number;
}

/** sech x = 1/cosh x; 0 once cosh overflows (|x| > 710), which is the correctly rounded value. */
const sech = (x: number): number => 1 / Math.cosh(x);
/** σ′(x) = σ(x)σ(−x), without the cancellation of σ(1 − σ). */
const dSigmoid = (x: number): number => sigmoid(x) * sigmoid(-x);
/** H(u): 1 for u > 0, 0 for u < 0 and 1/2 at 0 (the mean of the one-sided limits, as the reference evaluator). */
export const heaviside = (u: number): number => (u > 0 ? 1 : u < 0 ? 0 : Number.isNaN(u) ? NaN : 0.5);
const zero = (): number => 0;

const unary = (name: string, f: (a: number) => number, d1: (a: number) => number, d2: (a: number) => number, piecewise = false): Kernel => ({
  name, arity: 1, f: (a) => f(a), d1, d2, piecewise,
});

const dTanhSoftplus = (x: number): number => sechSoftplus(x) ** 2 * sigmoid(x);
const d2TanhSoftplus = (x: number): number => {
  const s = sigmoid(x);
  return sechSoftplus(x) ** 2 * s * (sigmoid(-x) - 2 * tanhSoftplus(x) * s);
};

const KERNELS: readonly Kernel[] = [
  unary('exp', Math.exp, Math.exp, Math.exp),
  unary('log', Math.log, (x) => 1 / x, (x) => -1 / (x * x)),
  unary('log1p', Math.log1p, (x) => 1 / (1 + x), (x) => -1 / ((1 + x) * (1 + x))),
  unary('sqrt', Math.sqrt, (x) => 0.5 / Math.sqrt(x), (x) => -0.25 / (Math.sqrt(x) * x)),
  unary('tanh', Math.tanh, (x) => sech(x) ** 2, (x) => -2 * Math.tanh(x) * sech(x) ** 2),
  unary('sinh', Math.sinh, Math.cosh, Math.sinh),
  unary('cosh', Math.cosh, Math.sinh, Math.cosh),
  unary('sech', sech, (x) => -sech(x) * Math.tanh(x), (x) => sech(x) * (Math.tanh(x) ** 2 - sech(x) ** 2)),
  { ...unary('sigmoid', sigmoid, dSigmoid, (x) => -dSigmoid(x) * Math.tanh(x / 2)), fromExp: sigmoidFromExp },
  { ...unary('softplus', softplus, sigmoid, dSigmoid), fromExp: softplusFromExp },
  unary('logSigmoid', logSigmoid, (x) => sigmoid(-x), (x) => -dSigmoid(x)),
  { ...unary('tanhSoftplus', tanhSoftplus, dTanhSoftplus, d2TanhSoftplus), fromExp: tanhSoftplusFromExp },
  { ...unary('sechSoftplus', sechSoftplus, (x) => -sechSoftplus(x) * tanhSoftplus(x) * sigmoid(x), (x) => {
    const s = sechSoftplus(x), t = tanhSoftplus(x), g = sigmoid(x);
    return s * g * (t * t * g - s * s * g - t * sigmoid(-x));
  }), fromExp: sechSoftplusFromExp },
  { ...unary('swish', swish, (x) => sigmoid(x) + x * dSigmoid(x), (x) => dSigmoid(x) * (2 - x * Math.tanh(x / 2))), d1Terms: (x) => sigmoid(x) + Math.abs(x) * dSigmoid(x), fromExp: swishFromExp },
  { ...unary('mish', mish, (x) => tanhSoftplus(x) + x * dTanhSoftplus(x), (x) => 2 * dTanhSoftplus(x) + x * d2TanhSoftplus(x)), d1Terms: (x) => tanhSoftplus(x) + Math.abs(x) * dTanhSoftplus(x), fromExp: mishFromExp },
  unary('abs', Math.abs, Math.sign, zero, true),
  unary('relu', (x) => (x > 0 ? x : x < 0 ? 0 : x * 0), heaviside, zero, true),
  unary('sign', Math.sign, zero, zero, true),
  unary('heaviside', heaviside, zero, zero, true),
  { name: 'max', arity: 2, f: (a, b) => (a >= b ? a : Number.isNaN(a) ? a : b), d1: zero, d2: zero, piecewise: true },
  { name: 'min', arity: 2, f: (a, b) => (a <= b ? a : Number.isNaN(a) ? a : b), d1: zero, d2: zero, piecewise: true },
];

const BY_NAME: ReadonlyMap<string, Kernel> = new Map(KERNELS.map((k) => [k.name, k]));

/** The kernel called `name`, or undefined. */
export function kernel(name: string): Kernel | undefined {
  return BY_NAME.get(name);
}

/** Every kernel, in table order (the compiler refers to them by index). */
export function kernels(): readonly Kernel[] {
  return KERNELS;
}
