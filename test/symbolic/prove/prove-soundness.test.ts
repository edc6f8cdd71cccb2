import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MathNode } from 'mathjs';
import { evaluatePrecise } from '../../../src/symbolic/evaluate-precise.ts';
import { add, call, div, mul, num, sub, sym } from '../../../src/symbolic/node-builders.ts';
import { prove } from '../../../src/symbolic/prove/index.ts';

/** Random expressions of the fragment and a little beyond (sqrt, relu, abs). */
const expression: fc.Arbitrary<MathNode> = fc.letrec<{ e: MathNode }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(sym('x'), sym('x'), num(1), num(2), num(-1), num(0.5)),
    fc.tuple(fc.constantFrom('+', '-', '*', '/'), tie('e'), tie('e')).map(([op, a, b]) => ({ '+': add, '-': sub, '*': mul, '/': div })[op](a, b)),
    fc.tuple(fc.constantFrom('exp', 'log', 'sigmoid', 'tanh', 'softplus', 'sqrt', 'relu', 'abs', 'sech'), tie('e')).map(([f, a]) => call(f, a)),
  ),
})).e;

const POINTS = ['0.7', '-1.3', '2.2'];
const value = (n: MathNode, x: string) => {
  const v = evaluatePrecise(n, { x }, { digits: 40 });
  return v.isFinite() ? v : undefined;
};

function checkVerdict(a: MathNode, b: MathNode): boolean {
  const r = prove(a, b, { variables: ['x'], timeBudgetMs: 300 });
  if (r.status === 'proved') {
    for (const x of POINTS) {
      const va = value(a, x);
      const vb = value(b, x);
      if (va && vb && va.minus(vb).abs().gt(va.abs().plus(1).times('1e-25'))) return false;
    }
  }
  if (r.status === 'refuted') {
    const va = value(a, r.witness.point.x!);
    const vb = value(b, r.witness.point.x!);
    if (!va || !vb || va.minus(vb).abs().lte(va.abs().plus(1).times('1e-25'))) return false;
  }
  return true;
}

describe('prove is sound on random expressions (property, seeded)', () => {
  it('a proof agrees with evaluation and a witness replays, for unrelated pairs', () => {
    fc.assert(fc.property(expression, expression, (a, b) => checkVerdict(a, b)), { seed: 7, numRuns: 40 });
  });

  it('proves equal rewritings (a + b − b, (2a)/2, a·1) and keeps them sound', () => {
    fc.assert(fc.property(expression, expression, (a, b) => {
      for (const same of [sub(add(a, b), b), div(mul(num(2), a), num(2)), mul(a, num(1))]) {
        if (!checkVerdict(a, same)) return false;
      }
      return true;
    }), { seed: 11, numRuns: 30 });
  });
});
