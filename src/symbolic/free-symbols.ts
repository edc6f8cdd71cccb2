/**
 * The free symbols of expressions: every symbol that is neither a function name nor one of the
 * constants e and π, in order of first appearance.
 */
import type { MathNode, SymbolNode } from 'mathjs';
import { CONSTANT_SYMBOLS } from './function-rules.ts';

/**
 * @example freeSymbols(parseExpression('x*sigmoid(beta*x) + e')) // ['x', 'beta']
 */
export function freeSymbols(...nodes: readonly MathNode[]): string[] {
  const names = new Set<string>();
  for (const node of nodes) {
    node.traverse((n, path, parent) => {
      const isCallee = parent?.type === 'FunctionNode' && path === 'fn';
      if (n.type === 'SymbolNode' && !isCallee && !CONSTANT_SYMBOLS.has((n as SymbolNode).name)) names.add((n as SymbolNode).name);
    });
  }
  return [...names];
}
