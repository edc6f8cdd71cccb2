/**
 * Bounded, local clean-up of expressions produced by differentiation: folds numeric constants
 * and drops neutral terms (0 + u, 1 · u, u ^ 1, …). One bottom-up pass, no search, so it cannot
 * loop; it never changes the value of an expression. Equality questions go to the prover.
 */
import { ConstantNode, FunctionNode, OperatorNode, type MathNode } from 'mathjs';
import { div, isConstant, mul, neg, num, pow } from './node-builders.ts';

const valueOf = (n: MathNode): number => (n as ConstantNode).value as number;

/** Returns an equivalent, usually smaller expression. */
export function tidy(node: MathNode): MathNode {
  if (node.type === 'ParenthesisNode') return tidy((node as unknown as { content: MathNode }).content);
  if (node.type === 'FunctionNode') {
    const f = node as FunctionNode;
    return new FunctionNode(f.fn, (f.args as MathNode[]).map(tidy));
  }
  if (node.type !== 'OperatorNode') return node;
  const op = node as OperatorNode;
  const args = (op.args as MathNode[]).map(tidy);
  const [a, b] = args as [MathNode, MathNode];
  switch (op.fn) {
    case 'unaryMinus':
      if (isConstant(a)) return num(-valueOf(a));
      if (a.type === 'OperatorNode' && (a as OperatorNode).fn === 'unaryMinus') return (a as OperatorNode).args[0] as MathNode;
      return neg(a);
    case 'add':
      if (isConstant(a, 0)) return b;
      if (isConstant(b, 0)) return a;
      if (isConstant(a) && isConstant(b)) return num(valueOf(a) + valueOf(b));
      if (isNegation(b)) return new OperatorNode('-', 'subtract', [a, negated(b)]);
      return new OperatorNode('+', 'add', [a, b]);
    case 'subtract':
      if (isConstant(b, 0)) return a;
      if (isConstant(a, 0)) return tidy(neg(b));
      if (isConstant(a) && isConstant(b)) return num(valueOf(a) - valueOf(b));
      if (isNegation(b)) return new OperatorNode('+', 'add', [a, negated(b)]);
      return new OperatorNode('-', 'subtract', [a, b]);
    case 'multiply':
      if (isConstant(a, 0) || isConstant(b, 0)) return num(0);
      if (isConstant(a, 1)) return b;
      if (isConstant(b, 1)) return a;
      if (isConstant(a, -1)) return tidy(neg(b));
      if (isConstant(b, -1)) return tidy(neg(a));
      if (isConstant(a) && isConstant(b)) return num(valueOf(a) * valueOf(b));
      if (isNegation(a)) return tidy(neg(mul(negated(a), b)));
      if (isNegation(b)) return tidy(neg(mul(a, negated(b))));
      if (isReciprocal(b)) return div(a, (b as OperatorNode).args[1] as MathNode); // u · (1/w) = u/w
      return mul(a, b);
    case 'divide':
      if (isConstant(a, 0)) return num(0);
      if (isConstant(b, 1)) return a;
      if (isNegation(a)) return tidy(neg(div(negated(a), b)));
      return div(a, b);
    case 'pow':
      if (isConstant(b, 0)) return num(1);
      if (isConstant(b, 1)) return a;
      if (isConstant(a) && isConstant(b) && Number.isInteger(valueOf(b))) return num(valueOf(a) ** valueOf(b));
      return pow(a, b);
    default:
      return new OperatorNode(op.op, op.fn, args);
  }
}

function isNegation(n: MathNode): boolean {
  return (n.type === 'OperatorNode' && (n as OperatorNode).fn === 'unaryMinus') || (isConstant(n) && valueOf(n) < 0);
}

function isReciprocal(n: MathNode): boolean {
  return n.type === 'OperatorNode' && (n as OperatorNode).fn === 'divide' && isConstant((n as OperatorNode).args[0] as MathNode, 1);
}

function negated(n: MathNode): MathNode {
  return isConstant(n) ? num(-valueOf(n)) : ((n as OperatorNode).args[0] as MathNode);
}
