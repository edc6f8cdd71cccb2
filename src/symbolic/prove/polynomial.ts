/**
 * Sparse multivariate Laurent polynomials over Q with exact BigInt coefficients: the normal form
 * of the prover. Indeterminates are small integers (see `indeterminates.ts`); a monomial is a
 * sorted list of (indeterminate, nonzero exponent) pairs, negative exponents allowed, so that
 * e^{−x} = t^{−1} stays a monomial. Internal to the prover.
 */
import type { ProofBudget } from './proof-budget.ts';
import { ONE, qAdd, qIsZero, qMul, qNeg, qToString, ZERO, type Rational } from './rational-number.ts';

/** (indeterminate index, exponent) pairs sorted by index; exponents are never 0. */
export type Monomial = readonly (readonly [number, number])[];

/** c · m. */
export interface Term {
  readonly m: Monomial;
  readonly c: Rational;
}

/** A polynomial: terms keyed by {@link monomialKey}; no zero coefficients. */
export type Polynomial = ReadonlyMap<string, Term>;

/** Canonical text key of a monomial, "" for 1. */
export function monomialKey(m: Monomial): string {
  return m.map(([i, e]) => `${i}^${e}`).join('*');
}

/** m1 · m2. */
export function monomialMul(a: Monomial, b: Monomial, budget?: ProofBudget): Monomial {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x[0] < y[0])) {
      out.push([x![0], x![1]]);
      i++;
    } else if (x === undefined || y[0] < x[0]) {
      out.push([y[0], y[1]]);
      j++;
    } else {
      const e = x[1] + y[1];
      budget?.checkDegree(e);
      if (e !== 0) out.push([x[0], e]);
      i++;
      j++;
    }
  }
  return out;
}

/** m^k for an integer k (k = −1 gives the inverse). */
export function monomialPow(m: Monomial, k: number): Monomial {
  return k === 0 ? [] : m.map(([i, e]) => [i, e * k] as const);
}

/** The constant polynomial c. */
export function constantPoly(c: Rational): Polynomial {
  return qIsZero(c) ? new Map() : new Map([['', { m: [], c }]]);
}

/** The polynomial c · m. */
export function monomialPoly(m: Monomial, c: Rational = ONE): Polynomial {
  return qIsZero(c) ? new Map() : new Map([[monomialKey(m), { m, c }]]);
}

export const isZeroPoly = (p: Polynomial): boolean => p.size === 0;

/** The single term of p when p is a monomial (or 0), else undefined. */
export function asMonomial(p: Polynomial): Term | undefined {
  if (p.size !== 1) return undefined;
  return p.values().next().value;
}

/** The constant value of p when p is constant, else undefined. */
export function asConstant(p: Polynomial): Rational | undefined {
  if (p.size === 0) return ZERO;
  const t = asMonomial(p);
  return t && t.m.length === 0 ? t.c : undefined;
}

function accumulate(out: Map<string, Term>, m: Monomial, c: Rational): void {
  const key = monomialKey(m);
  const prev = out.get(key);
  if (!prev) {
    out.set(key, { m, c });
    return;
  }
  const sum = qAdd(prev.c, c);
  if (qIsZero(sum)) out.delete(key);
  else out.set(key, { m, c: sum });
}

/** a + b. */
export function polyAdd(a: Polynomial, b: Polynomial): Polynomial {
  const out = new Map(a);
  for (const t of b.values()) accumulate(out, t.m, t.c);
  return out;
}

/** c · m · p. */
export function polyScale(p: Polynomial, c: Rational, m: Monomial = []): Polynomial {
  if (qIsZero(c)) return new Map();
  const out = new Map<string, Term>();
  for (const t of p.values()) {
    const mm = m.length === 0 ? t.m : monomialMul(t.m, m);
    out.set(monomialKey(mm), { m: mm, c: qMul(t.c, c) });
  }
  return out;
}

/** −p. */
export function polyNeg(p: Polynomial): Polynomial {
  const out = new Map<string, Term>();
  for (const [k, t] of p) out.set(k, { m: t.m, c: qNeg(t.c) });
  return out;
}

/** a − b. */
export function polySub(a: Polynomial, b: Polynomial): Polynomial {
  return polyAdd(a, polyNeg(b));
}

/** a · b, within the budget. */
export function polyMul(a: Polynomial, b: Polynomial, budget: ProofBudget): Polynomial {
  const out = new Map<string, Term>();
  for (const x of a.values()) {
    for (const y of b.values()) {
      budget.tick();
      accumulate(out, monomialMul(x.m, y.m, budget), qMul(x.c, y.c));
    }
  }
  budget.checkTerms(out.size);
  return out;
}

/** p^k for k >= 0, by repeated squaring. */
export function polyPow(p: Polynomial, k: number, budget: ProofBudget): Polynomial {
  let result: Polynomial = constantPoly(ONE);
  let base = p;
  while (k > 0) {
    if (k & 1) result = polyMul(result, base, budget);
    k >>= 1;
    if (k > 0) base = polyMul(base, base, budget);
  }
  return result;
}

/** True when a and b have the same terms. */
export function polyEquals(a: Polynomial, b: Polynomial): boolean {
  if (a.size !== b.size) return false;
  for (const [k, t] of a) {
    const u = b.get(k);
    if (!u || u.c.n !== t.c.n || u.c.d !== t.c.d) return false;
  }
  return true;
}

/** The monomial of lowest exponent in each indeterminate (gcd of the monomials, Laurent). */
export function monomialContent(p: Polynomial): Monomial {
  const mins = new Map<number, number>();
  let first = true;
  for (const t of p.values()) {
    const here = new Map(t.m);
    if (first) {
      for (const [i, e] of t.m) mins.set(i, e);
      first = false;
      continue;
    }
    for (const [i, e] of mins) mins.set(i, Math.min(e, here.get(i) ?? 0));
    for (const [i, e] of t.m) if (!mins.has(i)) mins.set(i, Math.min(0, e));
  }
  return [...mins].filter(([, e]) => e !== 0).sort((x, y) => x[0] - y[0]);
}

/** Indeterminates occurring in p. */
export function polyIndeterminates(p: Polynomial): Set<number> {
  const out = new Set<number>();
  for (const t of p.values()) for (const [i] of t.m) out.add(i);
  return out;
}

/** Terms in a fixed order (by key), for printing and canonical keys. */
export function sortedTerms(p: Polynomial): Term[] {
  return [...p.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, t]) => t);
}

/** Canonical text of p (for keys). */
export function polyKey(p: Polynomial): string {
  return sortedTerms(p).map((t) => `${qToString(t.c)}:${monomialKey(t.m)}`).join('+');
}
