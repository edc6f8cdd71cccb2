/**
 * A float recognised as a small fraction (2, 1/2, −3/4) by continued fractions, so that a
 * diagnosis can say "a factor of 2" and the prover can check the exact claim.
 */
import type { MathNode } from 'mathjs';
import { div, neg, num } from '../symbolic/index.ts';

/** Largest denominator recognised: students' constant mistakes are 2, 1/2, 3/2, not 355/113. */
const MAX_DENOMINATOR = 1000;

/** Relative error allowed between the float and the fraction. */
const RELATIVE_ERROR = 1e-9;

/** `x` as p/q with q <= 1000, when it is one to within 1e-9 (relative). */
export function rationalApproximation(x: number): { p: number; q: number; text: string; node: MathNode } | undefined {
  if (!Number.isFinite(x)) return undefined;
  const sign = x < 0 ? -1 : 1;
  const target = Math.abs(x);
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = target;
  for (let i = 0; i < 20; i++) {
    const a = Math.floor(rest);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > MAX_DENOMINATOR) return undefined;
    if (Math.abs(h1 / k1 - target) <= RELATIVE_ERROR * Math.max(1, target)) {
      const p = sign * h1;
      const q = k1;
      const text = q === 1 ? String(p) : `${p}/${q}`;
      const magnitude = q === 1 ? num(h1) : div(num(h1), num(q));
      return { p, q, text, node: sign < 0 ? neg(magnitude) : magnitude };
    }
    const frac = rest - a;
    if (frac < 1e-15) return undefined;
    rest = 1 / frac;
  }
  return undefined;
}
