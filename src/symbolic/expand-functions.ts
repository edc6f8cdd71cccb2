/**
 * Rewrites every registered function that has an `expand` rule (tanh, sigmoid, softplus, swish,
 * mish, sech, …) into exp, log and arithmetic, recursively. Used to check the registry's own
 * derivative rules against differentiation of the exp/log form, which needs only the rules for
 * exp, log and arithmetic.
 */
import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';
import { functionRule } from './function-rules.ts';

/** The expression with all expandable functions rewritten; piecewise functions are kept. */
export function expandFunctions(node: MathNode): MathNode {
  return node.transform((n) => {
    if (n.type !== 'FunctionNode') return n;
    const f = n as FunctionNode;
    const rule = functionRule((f.fn as unknown as SymbolNode).name);
    const args = (f.args as MathNode[]).map(expandFunctions);
    if (rule?.expand) return expandFunctions(rule.expand(args));
    return cloneWithArgs(f, args);
  });
}

function cloneWithArgs(f: FunctionNode, args: MathNode[]): MathNode {
  const copy = f.clone() as FunctionNode;
  copy.args = args;
  return copy;
}
