/**
 * The deriver and the parsers on random input: the derivative of a random expression tree
 * agrees with a 30-digit central difference wherever the tree is defined, and both parsers are
 * total on arbitrary text — a node or a GradproofError with a position, never another exception.
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { derive, isGradproofError, parseExpression, parseLatex } from '../src/symbolic/index.ts';
import { expressionArbitrary } from './expression-arbitrary.ts';
import { assertDerivativeAt, centralDifference, valueAt } from './_internals/precise.ts';
import { FLOAT_RUNS, PRECISE_RUNS, propertyTest } from './_internals/property-test.ts';

/** Derivative values beyond this size make the central difference's rounding bound meaningless. */
const MAX_SIZE = 1e12;

/** Text made of the characters people and attackers type into formulas. */
const formulaText = fc.string({ unit: fc.constantFrom(...'x y e ( ) { } [ ] ^ * / + - . , 1 2 0 9 \\ | _ frac sigma exp log tanh sqrt left right cdot = ; " \''.split(' ')), maxLength: 40 });

function assertTotal(parse: (text: string) => unknown, text: string): void {
  try {
    parse(text);
  } catch (error) {
    if (!isGradproofError(error)) throw new Error(`input ${JSON.stringify(text)} threw a non-gradproof error: ${String(error)}`);
  }
}

describe('derive on random trees', () => {
  propertyTest('derive.random-trees', 'd/dx of a random tree agrees with a 30-digit central difference where the tree is defined', () =>
    fc.property(expressionArbitrary({ maxDepth: 3 }), fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 }), (e, k, m) => {
      // Grids that never meet: x − y and x + y stay >= 5e-6 from 0, far beyond the step.
      const point = { x: k / 97 + 0.013, y: m / 89 - 0.021 };
      const d = derive(e, 'x');
      const [f, df] = [valueAt(e, point), valueAt(d, point)];
      fc.pre(f.isFinite() && df.isFinite() && df.abs().lt(MAX_SIZE) && f.abs().lt(MAX_SIZE));
      // A pole (of e or of a sub-expression) within reach of the stencil shows as unstable differences: skip.
      const [wide, narrow] = [centralDifference(e, 'x', point, '1e-6'), centralDifference(e, 'x', point, '1e-7')];
      fc.pre(wide.value.minus(narrow.value).abs().lte(narrow.value.abs().plus(1).times(1e-6)));
      assertDerivativeAt(e, d, 'x', point, '1e-12', true);
    }), PRECISE_RUNS * 2);
});

describe('parsers are total', () => {
  propertyTest('parse.text-total', 'parseExpression on arbitrary text returns a node or throws a GradproofError', () =>
    fc.property(formulaText, (text) => assertTotal(parseExpression, text)), FLOAT_RUNS);
  propertyTest('parse.latex-total', 'parseLatex on arbitrary text returns a node or throws a GradproofError', () =>
    fc.property(formulaText, (text) => assertTotal(parseLatex, text)), FLOAT_RUNS);
});
