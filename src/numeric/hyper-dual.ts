/**
 * Hyper-dual numbers a + b·ε₁ + c·ε₂ + d·ε₁ε₂ with ε₁² = ε₂² = 0 (Fike & Alonso 2011):
 * evaluating f at x + ε₁ + ε₂ gives f″(x) in the ε₁ε₂ part, exactly up to rounding (no step,
 * no cancellation). Function derivatives come from the hand-written kernel table.
 */
import { GradproofError } from '../symbolic/index.ts';
import type { Algebra } from './algebra.ts';
import { kernel } from './kernel-table.ts';

/** An immutable hyper-dual number. */
export class HyperDual {
  constructor(readonly value: number, readonly e1: number, readonly e2: number, readonly e12: number) {}
}

const h = (v: number, a = 0, b = 0, ab = 0): HyperDual => new HyperDual(v, a, b, ab);

/** f applied to x given f(x₀), f′(x₀), f″(x₀) (chain rule to second order). */
function lift(x: HyperDual, f0: number, f1: number, f2: number): HyperDual {
  return h(f0, f1 * x.e1, f1 * x.e2, f1 * x.e12 + f2 * x.e1 * x.e2);
}

/** x·y with 0·anything = 0 (an exactly zero factor kills an overflowing term, as in {@link Dual}). */
const t = (x: number, y: number): number => (x === 0 || y === 0 ? 0 : x * y);
const mul = (a: HyperDual, b: HyperDual): HyperDual =>
  h(a.value * b.value, t(a.value, b.e1) + t(a.e1, b.value), t(a.value, b.e2) + t(a.e2, b.value),
    t(a.value, b.e12) + t(a.e1, b.e2) + t(a.e2, b.e1) + t(a.e12, b.value));
const reciprocal = (a: HyperDual): HyperDual => {
  const r = 1 / a.value;
  return lift(a, r, -r * r, 2 * r * r * r);
};
const powConstant = (a: HyperDual, n: number): HyperDual => {
  if (n === 0) return h(1);
  if (n === 1) return a;
  if (n === 2) return mul(a, a);
  const v = a.value;
  return lift(a, Math.pow(v, n), n * Math.pow(v, n - 1), n * (n - 1) * Math.pow(v, n - 2));
};
const expH = (a: HyperDual): HyperDual => { const e = Math.exp(a.value); return lift(a, e, e, e); };
const logH = (a: HyperDual): HyperDual => lift(a, Math.log(a.value), 1 / a.value, -1 / (a.value * a.value));

/** Hyper-dual arithmetic as an {@link Algebra}. */
export const HYPER_DUAL_ALGEBRA: Algebra<HyperDual> = {
  name: 'hyper-dual',
  constant: (value) => h(value),
  add: (a, b) => h(a.value + b.value, a.e1 + b.e1, a.e2 + b.e2, a.e12 + b.e12),
  sub: (a, b) => h(a.value - b.value, a.e1 - b.e1, a.e2 - b.e2, a.e12 - b.e12),
  mul,
  div: (a, b) => mul(a, reciprocal(b)),
  neg: (a) => h(-a.value, -a.e1, -a.e2, -a.e12),
  powConstant,
  pow: (a, b) => expH(mul(b, logH(a))),
  apply: (name, args) => {
    const k = kernel(name);
    if (!k) throw new GradproofError('GP_INPUT', `hyper-dual numbers: unknown function '${name}'`);
    if (k.arity === 2) {
      const [a, b] = args as [HyperDual, HyperDual];
      const first = name === 'max' ? a.value >= b.value : a.value <= b.value;
      return first ? a : b;
    }
    const a = args[0]!;
    return lift(a, k.f(a.value, 0), k.d1(a.value), k.d2(a.value));
  },
};
