import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bignumber } from 'mathjs';
import { evaluatePrecise, evaluateWithMagnitude } from '../../src/symbolic/evaluate-precise.ts';
import { parseExpression } from '../../src/symbolic/parse.ts';
import { isGradproofError } from '../../src/symbolic/error.ts';

interface Golden { expression: string; point: Record<string, string>; expected: string }
/** Produced by evaluate-precise.golden.py (mpmath, 80 digits). */
const GOLDEN: Golden[] = JSON.parse(readFileSync(new URL('./evaluate-precise.golden.json', import.meta.url), 'utf8'));

/** Relative tolerance at 50 digits: a few units in the 49th digit. */
const REL_TOL_50 = bignumber('1e-48');

describe('evaluatePrecise', () => {
  it.each(GOLDEN.map((g) => [g.expression, JSON.stringify(g.point), g] as const))('%s at %s matches mpmath to 50 digits', (_t, _p, g) => {
    const value = evaluatePrecise(parseExpression(g.expression), g.point);
    const expected = bignumber(g.expected);
    const rel = value.minus(expected).abs().div(expected.abs());
    expect(rel.lte(REL_TOL_50), `${g.expression} at ${JSON.stringify(g.point)}: got ${value}, expected ${g.expected}, rel ${rel}`).toBe(true);
  });

  it('gives sigmoid(0) = 0.5 exactly', () => {
    expect(evaluatePrecise(parseExpression('sigmoid(x)'), { x: 0 }).toString()).toBe('0.5');
  });

  it.each([
    ['log(x)', { x: 0 }], ['log(x)', { x: -1 }], ['1/x', { x: 0 }], ['x/x', { x: 0 }], ['sqrt(x)', { x: -4 }],
    ['x^0.5', { x: -2 }], ['log1p(x)', { x: -1 }], ['x^(-1)', { x: 0 }], ['sigmoid(log(x))', { x: -3 }],
  ])('%s is NaN at %j', (text, point) => {
    expect(evaluatePrecise(parseExpression(text), point).isNaN()).toBe(true);
  });

  it('evaluates piecewise functions on both sides of the kink and at it', () => {
    const at = (text: string, x: number) => evaluatePrecise(parseExpression(text), { x }).toNumber();
    expect([at('relu(x)', -2), at('relu(x)', 0), at('relu(x)', 3)]).toEqual([0, 0, 3]);
    expect([at('abs(x)', -2), at('sign(x)', -2), at('sign(x)', 0), at('heaviside(x)', 0), at('heaviside(x)', 1)]).toEqual([2, -1, 0, 0.5, 1]);
    expect([at('max(x, 1)', 0), at('min(x, 1)', 0)]).toEqual([1, 0]);
  });

  it('honours the requested number of digits', () => {
    const v = evaluatePrecise(parseExpression('pi'), {}, { digits: 10 });
    expect(v.toString()).toBe('3.141592654');
    const pi80 = evaluatePrecise(parseExpression('pi'), {}, { digits: 80 });
    const PI_85 = bignumber('3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628');
    expect(pi80.minus(PI_85).abs().lte(bignumber('1e-78'))).toBe(true);
    expect(pi80.minus(PI_85).abs().gt(0)).toBe(true); // rounded to 80 digits, not exact
  });

  it('refuses a point without a value for a symbol, and bad digits', () => {
    expect(() => evaluatePrecise(parseExpression('x+y'), { x: 1 })).toThrowError(/symbol 'y'/);
    try {
      evaluatePrecise(parseExpression('x'), { x: 1 }, { digits: 0 });
      expect.unreachable();
    } catch (error) {
      expect(isGradproofError(error, 'GP_INPUT')).toBe(true);
    }
  });

  it('gives a non-finite value, not a wrong finite one, when e^u overflows', () => {
    const v = evaluatePrecise(parseExpression('exp(exp(x))'), { x: 100 });
    expect(v.isFinite()).toBe(false);
  });

  it('reports the largest intermediate magnitude, so cancellation can be undone', () => {
    const node = parseExpression('x + exp(1000) - exp(1000)');
    const r = evaluateWithMagnitude(node, { x: 1 });
    expect(r.value.isZero()).toBe(true); // 50 digits cannot hold 1 next to e^1000
    expect(r.largestExponent).toBe(434);
    expect(evaluatePrecise(node, { x: 1 }, { digits: 50 + 434 + 15 }).toString()).toBe('1');
  });
});
