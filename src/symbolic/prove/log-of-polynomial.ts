/**
 * The logarithm of a polynomial in the exp/log normal form, when it splits: p = c · m · P with c
 * the leading coefficient (signed), m the monomial content and P = p / (c·m) monic. When P's terms
 * all have positive coefficients and m and P involve only provably positive indeterminates,
 * ln(p / c) = Σ e_i ln t_i + ln P, where ln t_i is u for t_i = e^u and a log indeterminate for a
 * positive variable, and ln P is one log indeterminate. Internal to the prover
 * (`exp-log-normal-form.ts`).
 */
import type { Indeterminates } from './indeterminates.ts';
import { isZeroPoly, monomialContent, monomialKey, monomialPow, polyKey, polyScale, sortedTerms, type Polynomial } from './polynomial.ts';
import type { ProofBudget } from './proof-budget.ts';
import { constantFn, fnAdd, fnMul, monomialFn, ratio, type RationalFunction } from './rational-function.ts';
import { ONE, qInv, rational, ZERO, type Rational } from './rational-number.ts';

/** p = constant · monomial · P with ln(monomial · P) in normal form, when monomial and P are provably positive. */
export function logOfPolynomial(p: Polynomial, atoms: Indeterminates, budget: ProofBudget): { constant: Rational; logs: RationalFunction } | undefined {
  if (isZeroPoly(p)) return undefined;
  const content = monomialContent(p);
  const rest = polyScale(p, ONE, monomialPow(content, -1));
  const terms = sortedTerms(rest);
  const sign = terms[0]!.c.n > 0n ? 1n : -1n;
  if (terms.some((t) => (t.c.n > 0n ? 1n : -1n) !== sign)) return undefined;
  for (const t of terms) for (const [i] of t.m) if (!atoms.isPositive(i)) return undefined;
  const lead = rational(sign * (terms[0]!.c.n < 0n ? -terms[0]!.c.n : terms[0]!.c.n), terms[0]!.c.d);
  let logs = constantFn(ZERO);
  for (const [i, e] of content) {
    const atom = atoms.atoms[i]!;
    if (atom.kind === 'exp') logs = fnAdd(logs, monomialFn(atom.exponent, rational(BigInt(e), BigInt(atom.q))), budget);
    else if (atom.kind === 'exp-opaque') logs = fnAdd(logs, fnMul(constantFn(rational(BigInt(e))), atom.exponent, budget), budget);
    else if (atom.kind === 'variable' && atom.positive) {
      const j = atoms.intern(`log:${monomialKey([[i, 1]])}`, () => ({ kind: 'log', arg: monomialFn([[i, 1]]), positive: false }));
      logs = fnAdd(logs, monomialFn([[j, 1]], rational(BigInt(e))), budget);
    } else return undefined;
  }
  if (terms.length > 1 || terms[0]!.m.length > 0) {
    const monic = polyScale(rest, qInv(lead));
    const j = atoms.intern(`log:${polyKey(monic)}`, () => ({ kind: 'log', arg: ratio(monic, new Map([['', { m: [], c: ONE }]])), positive: false }));
    logs = fnAdd(logs, monomialFn([[j, 1]]), budget);
  }
  return { constant: lead, logs };
}
