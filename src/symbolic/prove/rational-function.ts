/**
 * Rational functions num/den of Laurent polynomials over Q, without gcds: equality is decided by
 * cross-multiplication (a/b = c/d ⇔ a·d − c·b ≡ 0). A denominator that is a single monomial is
 * divided out at once (Laurent), and equal denominators are shared on addition, which keeps the
 * source document's identities small. Internal to the prover.
 */
import { GradproofError } from '../error.ts';
import {
  asConstant, asMonomial, constantPoly, isZeroPoly, monomialContent, monomialPoly, monomialPow, polyAdd, polyEquals, polyKey, polyMul, polyNeg, polyPow,
  polyScale, type Monomial, type Polynomial,
} from './polynomial.ts';
import type { ProofBudget } from './proof-budget.ts';
import { ONE, qInv, qMul, type Rational } from './rational-number.ts';

/** num/den; den is never the zero polynomial. */
export interface RationalFunction {
  readonly num: Polynomial;
  readonly den: Polynomial;
}

/** Thrown when a denominator is identically zero (e.g. 1/(x − x)). */
export class DivisionByZeroPolynomial extends Error {}

/** Builds num/den, dividing out a monomial denominator. */
export function ratio(num: Polynomial, den: Polynomial): RationalFunction {
  if (isZeroPoly(den)) throw new DivisionByZeroPolynomial('division by an identically zero expression');
  const single = asMonomial(den);
  if (single) return { num: polyScale(num, qInv(single.c), monomialPow(single.m, -1)), den: constantPoly(ONE) };
  const negative = monomialContent(den).filter(([, e]) => e < 0);
  if (negative.length === 0) return { num, den };
  const clear = monomialPow(negative, -1);
  return { num: polyScale(num, ONE, clear), den: polyScale(den, ONE, clear) };
}

/** The constant c. */
export function constantFn(c: Rational): RationalFunction {
  return { num: constantPoly(c), den: constantPoly(ONE) };
}

/** The monomial m (e.g. one indeterminate). */
export function monomialFn(m: Monomial, c: Rational = ONE): RationalFunction {
  return { num: monomialPoly(m, c), den: constantPoly(ONE) };
}

/** a + b. */
export function fnAdd(a: RationalFunction, b: RationalFunction, budget: ProofBudget): RationalFunction {
  if (polyEquals(a.den, b.den)) return { num: polyAdd(a.num, b.num), den: a.den };
  return ratio(polyAdd(polyMul(a.num, b.den, budget), polyMul(b.num, a.den, budget)), polyMul(a.den, b.den, budget));
}

/** −a. */
export function fnNeg(a: RationalFunction): RationalFunction {
  return { num: polyNeg(a.num), den: a.den };
}

/** a − b. */
export function fnSub(a: RationalFunction, b: RationalFunction, budget: ProofBudget): RationalFunction {
  return fnAdd(a, fnNeg(b), budget);
}

/** a · b (a shared factor num/den cancels when one side's den equals the other's num). */
export function fnMul(a: RationalFunction, b: RationalFunction, budget: ProofBudget): RationalFunction {
  if (polyEquals(a.den, b.num)) return ratio(a.num, b.den);
  if (polyEquals(b.den, a.num)) return ratio(b.num, a.den);
  return ratio(polyMul(a.num, b.num, budget), polyMul(a.den, b.den, budget));
}

/** 1/a. */
export function fnInv(a: RationalFunction): RationalFunction {
  return ratio(a.den, a.num);
}

/** a / b. */
export function fnDiv(a: RationalFunction, b: RationalFunction, budget: ProofBudget): RationalFunction {
  return fnMul(a, fnInv(b), budget);
}

/** a^k for an integer k. */
export function fnPow(a: RationalFunction, k: number, budget: ProofBudget): RationalFunction {
  if (!Number.isInteger(k)) throw new GradproofError('GP_INTERNAL', `fnPow: expected an integer exponent, got ${k}`);
  if (k < 0) return fnPow(fnInv(a), -k, budget);
  return ratio(polyPow(a.num, k, budget), polyPow(a.den, k, budget));
}

/** The numerator of a − b over the common denominator a.den·b.den: a = b ⇔ it is identically 0. */
export function differenceNumerator(a: RationalFunction, b: RationalFunction, budget: ProofBudget): Polynomial {
  if (polyEquals(a.den, b.den)) return polyAdd(a.num, polyNeg(b.num));
  return polyAdd(polyMul(a.num, b.den, budget), polyNeg(polyMul(b.num, a.den, budget)));
}

/** True when a is identically 0. */
export function fnIsZero(a: RationalFunction): boolean {
  return isZeroPoly(a.num);
}

/** Canonical text of a rational function (for atom keys). */
export function fnKey(f: RationalFunction): string {
  return `${polyKey(f.num)}/${polyKey(f.den)}`;
}

/** The value of f when it is a constant, else undefined. */
export function constantOf(f: RationalFunction): Rational | undefined {
  const num = asConstant(f.num);
  const den = asConstant(f.den);
  return num && den ? qMul(num, qInv(den)) : undefined;
}
