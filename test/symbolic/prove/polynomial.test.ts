import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logOfPositiveRational } from '../../../src/symbolic/prove/log-of-rational.ts';
import { constantPoly, monomialContent, monomialPoly, polyAdd, polyKey, polyMul, polyNeg, polyPow, polySub } from '../../../src/symbolic/prove/polynomial.ts';
import { ProofBudget, BudgetExceeded } from '../../../src/symbolic/prove/proof-budget.ts';
import { differenceNumerator, fnAdd, fnDiv, monomialFn, ratio } from '../../../src/symbolic/prove/rational-function.ts';
import { rational, rationalFromNumber, ONE } from '../../../src/symbolic/prove/rational-number.ts';

const budget = () => new ProofBudget(1000);
const t = monomialPoly([[0, 1]]);
const one = constantPoly(ONE);

describe('rational numbers and Laurent polynomials', () => {
  it('reads decimal constants exactly', () => {
    expect(rationalFromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(rationalFromNumber(-2.5e-3)).toEqual({ n: -1n, d: 400n });
    expect(rationalFromNumber(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(rational(6n, -4n)).toEqual({ n: -3n, d: 2n });
  });

  it('expands (t + 1)^2 − (t^2 + 2t + 1) to 0 and keeps e^{−x} = t^{−1} a monomial', () => {
    const square = polyPow(polyAdd(t, one), 2, budget());
    const expanded = polyAdd(polyAdd(polyMul(t, t, budget()), polyMul(constantPoly(rational(2n)), t, budget())), one);
    expect(polySub(square, expanded).size).toBe(0);
    const inverse = ratio(one, t);
    expect(polyKey(inverse.num)).toBe('1:0^-1');
    expect(monomialContent(polyAdd(monomialPoly([[0, -1]]), monomialPoly([[0, 2], [1, 1]])))).toEqual([[0, -1]]);
  });

  it('decides a/b = c/d by cross-multiplication', () => {
    const b = budget();
    const tf = monomialFn([[0, 1]]);
    const oneFn = { num: one, den: one };
    // t/(t + 1) + 1/(t + 1) = 1
    const sum = fnAdd(fnDiv(tf, { num: polyAdd(t, one), den: one }, b), fnDiv(oneFn, { num: polyAdd(t, one), den: one }, b), b);
    expect(differenceNumerator(sum, oneFn, b).size).toBe(0);
    expect(differenceNumerator(sum, { num: polyNeg(one), den: one }, b).size).toBeGreaterThan(0);
  });

  it('stops past its size budget', () => {
    const many = Array.from({ length: 200 }, (_, i) => monomialPoly([[i, 1]])).reduce((p, q) => polyAdd(p, q));
    expect(() => polyMul(polyMul(many, many, budget()), many, budget())).toThrow(BudgetExceeded);
  });

  it('splits ln of a rational into prime logarithms', () => {
    expect(logOfPositiveRational({ n: 12n, d: 5n })).toEqual([[2n, 2], [3n, 1], [5n, -1]]);
    expect(logOfPositiveRational({ n: 1n, d: 1n })).toEqual([]);
  });

  it('satisfies ring laws on random polynomials (property)', () => {
    const term = fc.record({ c: fc.integer({ min: -5, max: 5 }), e0: fc.integer({ min: -2, max: 3 }), e1: fc.integer({ min: 0, max: 2 }) });
    const poly = fc.array(term, { maxLength: 4 }).map((ts) =>
      ts.reduce((p, { c, e0, e1 }) => polyAdd(p, monomialPoly([...(e0 ? [[0, e0] as const] : []), ...(e1 ? [[1, e1] as const] : [])], rational(BigInt(c)))), constantPoly(rational(0n))));
    fc.assert(fc.property(poly, poly, poly, (p, q, r) => {
      const b = budget();
      const left = polyMul(p, polyAdd(q, r), b);
      const right = polyAdd(polyMul(p, q, b), polyMul(p, r, b));
      return polySub(left, right).size === 0 && polyKey(polyMul(p, q, b)) === polyKey(polyMul(q, p, b));
    }), { seed: 42, numRuns: 200 });
  });
});
