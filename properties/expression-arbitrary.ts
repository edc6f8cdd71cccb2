/**
 * A bounded arbitrary of expression trees over gradproof's whitelisted grammar: numbers,
 * variables, + − · /, small integer powers, unary minus and the registered smooth functions.
 * Trees are built from the symbolic layer's node builders, so they are exactly what the parsers
 * produce; they are small (depth-limited) so that properties over them stay fast.
 */
import fc from 'fast-check';
import type { MathNode } from 'mathjs';
import { add, call, div, mul, neg, num, pow, sub, sym } from '../src/symbolic/index.ts';

/** Options of {@link expressionArbitrary}. */
export interface ExpressionArbitraryOptions {
  /** Variable names (default `['x', 'y']`). */
  readonly variables?: readonly string[];
  /** Largest depth of the tree (default 3). */
  readonly maxDepth?: number;
  /** Unary functions that may appear (default: exp, sigmoid, tanh, softplus, sech, cosh, sinh). */
  readonly functions?: readonly string[];
  /** Allow division (default true). */
  readonly division?: boolean;
}

/** The smooth registered functions used by default. */
export const SMOOTH_FUNCTIONS: readonly string[] = ['exp', 'sigmoid', 'tanh', 'softplus', 'sech', 'cosh', 'sinh'];

/** Small constants: integers 1..5 and a few exact binary fractions. */
const CONSTANTS: readonly number[] = [1, 2, 3, 4, 5, 0.5, 0.25, 1.5];

/**
 * Random whitelisted expression trees.
 * @example fc.assert(fc.property(expressionArbitrary(), (e) => parseExpression(e.toString()) !== undefined))
 */
export function expressionArbitrary(options: ExpressionArbitraryOptions = {}): fc.Arbitrary<MathNode> {
  const variables = options.variables ?? ['x', 'y'];
  const functions = options.functions ?? SMOOTH_FUNCTIONS;
  const maxDepth = options.maxDepth ?? 3;
  const division = options.division ?? true;
  const leaf: fc.Arbitrary<MathNode> = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...variables).map((name) => sym(name)) },
    { weight: 1, arbitrary: fc.constantFrom(...CONSTANTS).map((value) => num(value)) },
  );
  const tree = fc.letrec<{ node: MathNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leaf,
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => add(a, b)),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => mul(a, b)),
      ...(division ? [fc.tuple(tie('node'), tie('node')).map(([a, b]) => div(a, b))] : []),
      fc.tuple(tie('node'), fc.constantFrom(2, 3)).map(([a, k]) => pow(a, num(k))),
      tie('node').map((a) => neg(a)),
      fc.tuple(fc.constantFrom(...functions), tie('node')).map(([name, a]) => call(name, a)),
    ),
  }));
  return tree.node;
}
