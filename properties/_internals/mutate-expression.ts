/**
 * Internal: random mutations of an expression tree — the mistakes people make in derivatives:
 * drop a factor, flip a sign, swap a function, double a term, negate a function's argument.
 */
import fc from 'fast-check';
import type { FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { call, mul, neg, num } from '../../src/symbolic/index.ts';

/** The kinds of mutation. */
export type MutationKind = 'drop-factor' | 'flip-sign' | 'swap-function' | 'double' | 'negate-argument';

/** A mutation: its kind and which candidate node (modulo their number) and replacement it picks. */
export interface Mutation {
  readonly kind: MutationKind;
  readonly index: number;
  readonly choice: number;
}

/** Functions a person might write instead of each other (same arity). */
const SWAPS: Readonly<Record<string, readonly string[]>> = {
  sigmoid: ['tanh', 'softplus', 'exp'],
  tanh: ['sigmoid', 'sech', 'softplus'],
  softplus: ['sigmoid', 'exp', 'tanh'],
  sech: ['tanh', 'sigmoid'],
  exp: ['sigmoid', 'softplus'],
  log: ['exp', 'softplus'],
  heaviside: ['sign', 'sigmoid'],
  sign: ['heaviside'],
};

/** An arbitrary mutation. */
export function mutationArbitrary(): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constantFrom<MutationKind>('drop-factor', 'flip-sign', 'swap-function', 'double', 'negate-argument'),
    index: fc.nat(1000),
    choice: fc.nat(10),
  });
}

const isMultiply = (n: MathNode) => n.type === 'OperatorNode' && (n as OperatorNode).fn === 'multiply';
const isFunction = (n: MathNode) => n.type === 'FunctionNode';
const fnName = (n: MathNode) => ((n as FunctionNode).fn as unknown as SymbolNode).name;

/** Replaces the `index`-th node (pre-order) satisfying `candidate`; returns the node unchanged when none does. */
function replaceNth(node: MathNode, candidate: (n: MathNode) => boolean, index: number, replace: (n: MathNode) => MathNode): MathNode {
  const count = countNodes(node, candidate);
  if (count === 0) return node;
  const target = index % count;
  let seen = 0;
  return node.transform((n, path) => {
    if (path === 'fn' || !candidate(n)) return n; // `fn` is a function's name, not a subexpression
    return seen++ === target ? replace(n) : n;
  });
}

function countNodes(node: MathNode, candidate: (n: MathNode) => boolean): number {
  let count = 0;
  node.traverse((n, path) => {
    if (path !== 'fn' && candidate(n)) count++;
  });
  return count;
}

/**
 * `node` with `mutation` applied. When no node fits the mutation's kind (no product to drop a
 * factor from), the whole expression is doubled instead, so every mutation changes something.
 */
export function mutate(node: MathNode, mutation: Mutation): MathNode {
  const { kind, index, choice } = mutation;
  const swappable = (n: MathNode) => isFunction(n) && fnName(n) in SWAPS;
  switch (kind) {
    case 'drop-factor':
      if (countNodes(node, isMultiply) === 0) return mul(num(2), node);
      return replaceNth(node, isMultiply, index, (n) => ((n as OperatorNode).args as MathNode[])[choice % 2]!);
    case 'flip-sign':
      return replaceNth(node, (n) => n.type !== 'ParenthesisNode', index, (n) => neg(n));
    case 'swap-function': {
      if (countNodes(node, swappable) === 0) return mul(num(2), node);
      return replaceNth(node, swappable, index, (n) => {
        const options = SWAPS[fnName(n)]!;
        return call(options[choice % options.length]!, ...((n as FunctionNode).args as MathNode[]));
      });
    }
    case 'double':
      return replaceNth(node, (n) => n.type !== 'ParenthesisNode', index, (n) => mul(num(2), n));
    case 'negate-argument':
      if (countNodes(node, isFunction) === 0) return mul(num(2), node);
      return replaceNth(node, isFunction, index, (n) => call(fnName(n), ...((n as FunctionNode).args as MathNode[]).map((a) => neg(a))));
  }
}
