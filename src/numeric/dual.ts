/**
 * Dual numbers a + bε with ε² = 0: evaluating f at x + ε gives f(x) + f′(x)ε, the exact first
 * derivative up to the rounding of each operation (forward-mode automatic differentiation).
 * Function derivatives come from the hand-written kernel table, not from the symbolic deriver.
 */
import { GradproofError } from '../symbolic/index.ts';
import type { Algebra } from './algebra.ts';
import { kernel } from './kernel-table.ts';

/** An immutable dual number value + derivative·ε. */
export class Dual {
  constructor(readonly value: number, readonly derivative: number) {}
}

const d = (v: number, e = 0): Dual => new Dual(v, e);
/**
 * x·y with 0·anything = 0: an exactly zero factor (a constant 0, e.g. y = 0 in −y ln a) kills
 * the other term even where that term overflows, which is the exact derivative.
 */
const times = (x: number, y: number): number => (x === 0 || y === 0 ? 0 : x * y);

/** Dual arithmetic as an {@link Algebra}. */
export const DUAL_ALGEBRA: Algebra<Dual> = {
  name: 'dual',
  constant: (value) => d(value),
  add: (a, b) => d(a.value + b.value, a.derivative + b.derivative),
  sub: (a, b) => d(a.value - b.value, a.derivative - b.derivative),
  mul: (a, b) => d(a.value * b.value, times(a.value, b.derivative) + times(a.derivative, b.value)),
  div: (a, b) => {
    const q = a.value / b.value;
    return d(q, (a.derivative - q * b.derivative) / b.value);
  },
  neg: (a) => d(-a.value, -a.derivative),
  powConstant: (a, n) => {
    if (n === 0) return d(1);
    if (n === 1) return a;
    if (n === 2) return d(a.value * a.value, 2 * a.value * a.derivative);
    return d(Math.pow(a.value, n), n * Math.pow(a.value, n - 1) * a.derivative);
  },
  pow: (a, b) => {
    const v = Math.pow(a.value, b.value);
    const db = b.derivative === 0 ? 0 : v * Math.log(a.value) * b.derivative;
    const da = a.derivative === 0 ? 0 : b.value * Math.pow(a.value, b.value - 1) * a.derivative;
    return d(v, da + db);
  },
  apply: (name, args) => {
    const k = kernel(name);
    if (!k) throw new GradproofError('GP_INPUT', `dual numbers: unknown function '${name}'`);
    if (k.arity === 2) {
      const [a, b] = args as [Dual, Dual];
      const first = name === 'max' ? a.value >= b.value : a.value <= b.value;
      return first ? a : b;
    }
    const a = args[0]!;
    return d(k.f(a.value, 0), a.derivative === 0 ? 0 : k.d1(a.value) * a.derivative);
  },
};

/**
 * The size of the terms the dual derivative sums (every difference replaced by a sum of absolute
 * values): u × this bounds the rounding error of {@link DUAL_ALGEBRA}'s derivative, cancellation
 * included. Values are carried exactly as in {@link DUAL_ALGEBRA}.
 */
export const DUAL_MAGNITUDE_ALGEBRA: Algebra<Dual> = {
  name: 'dual magnitude',
  constant: (value) => d(value),
  add: (a, b) => d(a.value + b.value, a.derivative + b.derivative),
  sub: (a, b) => d(a.value - b.value, a.derivative + b.derivative),
  mul: (a, b) => d(a.value * b.value, times(Math.abs(a.value), b.derivative) + times(a.derivative, Math.abs(b.value))),
  div: (a, b) => {
    const q = a.value / b.value;
    return d(q, (a.derivative + times(Math.abs(q), b.derivative)) / Math.abs(b.value));
  },
  neg: (a) => d(-a.value, a.derivative),
  powConstant: (a, n) => {
    const r = DUAL_ALGEBRA.powConstant(a, n);
    return d(r.value, Math.abs(r.derivative) + times(Math.abs(r.value), 0));
  },
  pow: (a, b) => {
    const r = DUAL_ALGEBRA.pow(d(a.value, a.derivative), d(b.value, b.derivative));
    return d(r.value, Math.abs(r.derivative));
  },
  apply: (name, args) => {
    const r = DUAL_ALGEBRA.apply(name, args);
    const terms = kernel(name)?.d1Terms;
    return d(r.value, terms ? times(terms(args[0]!.value), Math.abs(args[0]!.derivative)) : Math.abs(r.derivative));
  },
};
