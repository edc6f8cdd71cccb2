/**
 * TeX for whitelisted expressions, using each registered function's own TeX (σ, softplus, …)
 * instead of mathjs's defaults. Output is meant for KaTeX.
 */
import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';
import { functionRule } from './function-rules.ts';

/** Greek parameter names written as TeX commands. */
const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'lambda', 'mu', 'omega', 'sigma', 'tau', 'theta', 'kappa', 'pi']);

/**
 * TeX of `node`.
 * @example toTex(parseExpression('x*sigmoid(beta*x)')) // "x\\cdot\\sigma\\left(\\beta\\cdot x\\right)"
 */
export function toTex(node: MathNode): string {
  return node.toTex({ handler: texHandler, implicit: 'hide', parenthesis: 'auto' });
}

function texHandler(node: MathNode, options: object): string | undefined {
  if (node.type === 'FunctionNode') {
    const f = node as FunctionNode;
    const name = (f.fn as unknown as SymbolNode).name;
    const rule = functionRule(name);
    if (!rule) return undefined;
    return `{${rule.tex((f.args as MathNode[]).map((a) => a.toTex(options)))}}`;
  }
  if (node.type === 'SymbolNode') {
    const name = (node as SymbolNode).name;
    // Braced, because mathjs glues operators to operands (`\cdot` + `x` would read `\cdotx`).
    if (name === 'e') return '{e}';
    const sub = /^([A-Za-z]+)_?(\d+)$/.exec(name);
    if (sub) return `{${symbolTex(sub[1]!)}_{${sub[2]}}}`;
    return `{${symbolTex(name)}}`;
  }
  return undefined;
}

function symbolTex(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  return name.length === 1 ? name : `\\mathrm{${name}}`;
}
