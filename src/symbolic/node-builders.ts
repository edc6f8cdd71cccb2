/**
 * Small constructors for mathjs expression nodes, so rules can be written as data that reads
 * like the mathematics (`mul(call('sigmoid', u), sub(num(1), call('sigmoid', u)))`).
 */
import { ConstantNode, FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';

/** A numeric constant node. Negative values become a unary minus, as mathjs's parser produces. */
export function num(value: number): MathNode {
  if (value < 0 || Object.is(value, -0)) return neg(new ConstantNode(-value));
  return new ConstantNode(value);
}

/** A symbol (variable, parameter, or the constants `e` and `pi`). */
export function sym(name: string): MathNode {
  return new SymbolNode(name);
}

/** A call of a named function, e.g. `call('tanh', x)`. */
export function call(name: string, ...args: MathNode[]): MathNode {
  return new FunctionNode(new SymbolNode(name), args);
}

/** a + b + ... (left-associated). */
export function add(...terms: MathNode[]): MathNode {
  return terms.reduce((acc, t) => new OperatorNode('+', 'add', [acc, t]));
}

/** a − b. */
export function sub(a: MathNode, b: MathNode): MathNode {
  return new OperatorNode('-', 'subtract', [a, b]);
}

/** a · b · ... (left-associated). */
export function mul(...factors: MathNode[]): MathNode {
  return factors.reduce((acc, f) => new OperatorNode('*', 'multiply', [acc, f]));
}

/** a / b. */
export function div(a: MathNode, b: MathNode): MathNode {
  return new OperatorNode('/', 'divide', [a, b]);
}

/** a ^ b. */
export function pow(a: MathNode, b: MathNode): MathNode {
  return new OperatorNode('^', 'pow', [a, b]);
}

/** −a. */
export function neg(a: MathNode): MathNode {
  return new OperatorNode('-', 'unaryMinus', [a]);
}

/** True when `node` is the numeric constant `value`. */
export function isConstant(node: MathNode, value?: number): boolean {
  if (node.type !== 'ConstantNode') return false;
  const v = (node as ConstantNode).value as unknown;
  return value === undefined ? typeof v === 'number' : v === value;
}
