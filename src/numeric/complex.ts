/**
 * A complex number type with the functions of the catalog, for the complex-step derivative
 * f′(x) ≈ Im f(x + ih)/h (Squire & Trapp 1998; Martins, Sturdza & Alonso 2003).
 *
 * Method: every function is written so that its imaginary part is accurate componentwise when
 * it is tiny next to the real part (the complex-step regime): no formula subtracts nearly
 * equal real parts into the imaginary part, and no intermediate overflows where the result is
 * finite. Piecewise functions (abs, relu, max, …) branch on the real part, the standard
 * extension for complex-step differentiation.
 */
import { GradproofError } from '../symbolic/index.ts';
import type { Algebra } from './algebra.ts';
import { heaviside } from './kernel-table.ts';
import { sigmoid, softplus } from './stable-kernels.ts';

/** An immutable complex number re + i·im. */
export class Complex {
  constructor(readonly re: number, readonly im: number) {}
}

const c = (re: number, im = 0): Complex => new Complex(re, im);
const add = (a: Complex, b: Complex) => c(a.re + b.re, a.im + b.im);
const sub = (a: Complex, b: Complex) => c(a.re - b.re, a.im - b.im);
const mul = (a: Complex, b: Complex) => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const scale = (a: Complex, k: number) => c(a.re * k, a.im * k);

/** a / b by Smith's algorithm (no overflow of |b|²). */
function div(a: Complex, b: Complex): Complex {
  if (b.im === 0) return c(a.re / b.re, a.im / b.re);
  if (Math.abs(b.im) <= Math.abs(b.re)) {
    const r = b.im / b.re, d = b.re + b.im * r;
    return c((a.re + a.im * r) / d, (a.im - a.re * r) / d);
  }
  const r = b.re / b.im, d = b.re * r + b.im;
  return c((a.re * r + a.im) / d, (a.im * r - a.re) / d);
}

const exp = (z: Complex) => {
  const m = Math.exp(z.re);
  return z.im === 0 ? c(m) : c(m * Math.cos(z.im), m * Math.sin(z.im));
};
/** Principal logarithm: ln|z| + i arg z. */
const log = (z: Complex) => c(Math.log(Math.hypot(z.re, z.im)), Math.atan2(z.im, z.re));
/** ln(1 + z), accurate for small z: Re = ½ log1p(2 Re z + |z|²). */
const log1p = (z: Complex) => c(0.5 * Math.log1p(2 * z.re + z.re * z.re + z.im * z.im), Math.atan2(z.im, 1 + z.re));
/** Principal square root (Kahan's method, componentwise accurate). */
function sqrt(z: Complex): Complex {
  if (z.im === 0) return z.re >= 0 ? c(Math.sqrt(z.re)) : c(0, Math.sqrt(-z.re));
  const t = Math.sqrt((Math.abs(z.re) + Math.hypot(z.re, z.im)) / 2);
  return z.re >= 0 ? c(t, z.im / (2 * t)) : c(Math.abs(z.im) / (2 * t), Math.sign(z.im) * t);
}
const sinh = (z: Complex) => c(Math.sinh(z.re) * Math.cos(z.im), Math.cosh(z.re) * Math.sin(z.im));
const cosh = (z: Complex) => c(Math.cosh(z.re) * Math.cos(z.im), Math.sinh(z.re) * Math.sin(z.im));
/** Below this |Re z|, tanh uses sinh/cosh of 2a; above, the scaled form (no overflow, no cancellation). */
const TANH_SCALED_ABOVE = 1;
/**
 * tanh(a + ib) = (sinh 2a + i sin 2b)/(cosh 2a + cos 2b); for |a| ≥ 1 divided through by
 * cosh 2a with E = e^{−2|a|}: (sign a·(1 − E²) + 2i E sin 2b)/(1 + 2E cos 2b + E²). Both parts
 * are sums of positive terms for small b, so the imaginary part keeps full relative accuracy.
 */
function tanh(z: Complex): Complex {
  if (z.im === 0) return c(Math.tanh(z.re));
  const a = z.re, b = z.im;
  if (Math.abs(a) < TANH_SCALED_ABOVE) {
    const den = Math.cosh(2 * a) + Math.cos(2 * b);
    return c(Math.sinh(2 * a) / den, Math.sin(2 * b) / den);
  }
  const E = Math.exp(-2 * Math.abs(a));
  const den = 1 + 2 * E * Math.cos(2 * b) + E * E;
  return c((Math.sign(a) * (1 - E * E)) / den, (2 * E * Math.sin(2 * b)) / den);
}
/** sech z = 2e^{−z}/(1 + e^{−2z}) for Re z ≥ 0 (mirrored otherwise): no overflow. */
function sech(z: Complex): Complex {
  const w = z.re >= 0 ? z : scale(z, -1);
  const e = exp(scale(w, -1));
  return div(scale(e, 2), add(c(1), mul(e, e)));
}
/** σ(z) = 1/(1 + e^{−z}) for Re z ≥ 0, e^z/(1 + e^z) otherwise. */
function sigmoidC(z: Complex): Complex {
  if (z.im === 0) return c(sigmoid(z.re));
  if (z.re >= 0) return div(c(1), add(c(1), exp(scale(z, -1))));
  const e = exp(z);
  return div(e, add(c(1), e));
}
/** softplus z = z + log1p(e^{−z}) for Re z > 0, log1p(e^z) otherwise. */
function softplusC(z: Complex): Complex {
  if (z.im === 0) return c(softplus(z.re));
  return z.re > 0 ? add(z, log1p(exp(scale(z, -1)))) : log1p(exp(z));
}

/** z^n for a real constant n: repeated squaring for integers, exp(n ln z) otherwise. */
function powConstant(z: Complex, n: number): Complex {
  if (Number.isInteger(n) && Math.abs(n) <= 64) {
    let result = c(1), base = z, k = Math.abs(n);
    while (k > 0) {
      if (k & 1) result = mul(result, base);
      base = mul(base, base);
      k >>= 1;
    }
    return n < 0 ? div(c(1), result) : result;
  }
  if (z.im === 0 && z.re >= 0) return c(Math.pow(z.re, n));
  return exp(scale(log(z), n));
}

const byRealPart = (z: Complex, positive: (z: Complex) => Complex, negative: (z: Complex) => Complex) => (z.re >= 0 ? positive(z) : negative(z));

const FUNCTIONS: Readonly<Record<string, (args: readonly Complex[]) => Complex>> = {
  exp: ([z]) => exp(z!),
  log: ([z]) => log(z!),
  log1p: ([z]) => log1p(z!),
  sqrt: ([z]) => sqrt(z!),
  tanh: ([z]) => tanh(z!),
  sinh: ([z]) => sinh(z!),
  cosh: ([z]) => cosh(z!),
  sech: ([z]) => sech(z!),
  sigmoid: ([z]) => sigmoidC(z!),
  softplus: ([z]) => softplusC(z!),
  logSigmoid: ([z]) => scale(softplusC(scale(z!, -1)), -1),
  tanhSoftplus: ([z]) => tanh(softplusC(z!)),
  sechSoftplus: ([z]) => sech(softplusC(z!)),
  swish: ([z]) => mul(z!, sigmoidC(z!)),
  mish: ([z]) => mul(z!, tanh(softplusC(z!))),
  abs: ([z]) => byRealPart(z!, (w) => w, (w) => scale(w, -1)),
  relu: ([z]) => (z!.re > 0 ? z! : c(0)),
  sign: ([z]) => c(Math.sign(z!.re)),
  heaviside: ([z]) => c(heaviside(z!.re)),
  max: ([a, b]) => (a!.re >= b!.re ? a! : b!),
  min: ([a, b]) => (a!.re <= b!.re ? a! : b!),
};

/** Complex arithmetic as an {@link Algebra}, for {@link compileAlgebra}. */
export const COMPLEX_ALGEBRA: Algebra<Complex> = {
  name: 'complex',
  constant: (value) => c(value),
  add, sub, mul, div,
  neg: (a) => c(-a.re, -a.im),
  powConstant,
  pow: (a, b) => (b.im === 0 ? powConstant(a, b.re) : exp(mul(b, log(a)))),
  apply: (name, args) => {
    const f = FUNCTIONS[name];
    if (!f) throw new GradproofError('GP_INPUT', `complex step: no complex version of '${name}'`);
    return f(args);
  },
};

/** The complex functions by name (exp, log, log1p, sqrt, tanh, sinh, cosh, sech, sigmoid, softplus, swish, mish, …). */
export function complexFunction(name: string): ((args: readonly Complex[]) => Complex) | undefined {
  return FUNCTIONS[name];
}
