/**
 * Exact rational numbers with BigInt numerator and denominator: the coefficients of the
 * prover's polynomials. Always reduced, denominator > 0. Internal to the prover.
 */
import { GradproofError } from '../error.ts';

/** n/d in lowest terms, d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The rational n/d, reduced. */
export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new GradproofError('GP_INTERNAL', 'rational: expected a nonzero denominator, got 0');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g === 1n || g === 0n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/**
 * The exact rational value of a JS number as written in decimal (0.1 → 1/10, 1e-3 → 1/1000),
 * i.e. the number a person typed, not its binary approximation.
 */
export function rationalFromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new GradproofError('GP_INPUT', `constant: expected a finite number, got ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new GradproofError('GP_INTERNAL', `rationalFromNumber: unexpected form ${String(value)}`);
  const [, sign, whole, frac = '', exp = '0'] = match;
  let n = BigInt(whole! + frac) * (sign === '-' ? -1n : 1n);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return rational(n, d);
}

export const qAdd = (a: Rational, b: Rational): Rational => (a.d === 1n && b.d === 1n ? { n: a.n + b.n, d: 1n } : rational(a.n * b.d + b.n * a.d, a.d * b.d));
export const qNeg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const qMul = (a: Rational, b: Rational): Rational => (a.d === 1n && b.d === 1n ? { n: a.n * b.n, d: 1n } : rational(a.n * b.n, a.d * b.d));
export const qIsZero = (a: Rational): boolean => a.n === 0n;
export const qIsInteger = (a: Rational): boolean => a.d === 1n;

/** 1/a. */
export function qInv(a: Rational): Rational {
  return rational(a.d, a.n);
}

/** a^k for an integer k. */
export function qPow(a: Rational, k: number): Rational {
  if (k < 0) return qPow(qInv(a), -k);
  return rational(a.n ** BigInt(k), a.d ** BigInt(k));
}

/** Least common multiple of two positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** "3", "-1/2". */
export function qToString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** The rational as a JS number (approximate). */
export function qToNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}
