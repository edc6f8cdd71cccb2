/**
 * Internal: identity rewrites R with R(e) = e for every expression e — each a rule of the
 * exp/log algebra with its identity beside it. Applied at one node of a random tree, they give
 * pairs the prover must prove.
 */
import type { FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { add, call, div, mul, neg, num, pow, sub, sym } from '../../src/symbolic/index.ts';

/** One rewrite: where it applies and what it writes instead. */
export interface IdentityRewrite {
  readonly name: string;
  /** The identity, for messages. */
  readonly identity: string;
  readonly applies: (node: MathNode) => boolean;
  readonly rewrite: (node: MathNode) => MathNode;
}

const op = (n: MathNode, fn: string) => n.type === 'OperatorNode' && (n as OperatorNode).fn === fn && (n as OperatorNode).args.length === 2;
const fnCall = (n: MathNode, name: string) => n.type === 'FunctionNode' && ((n as FunctionNode).fn as unknown as SymbolNode).name === name;
const args = (n: MathNode) => ((n as OperatorNode | FunctionNode).args as MathNode[]).map((a) => a.cloneDeep());
const any = () => true;

/** The rewrites. */
export const IDENTITY_REWRITES: readonly IdentityRewrite[] = [
  { name: 'sigmoid', identity: 'σ(u) = 1/(1 + e^{−u})', applies: (n) => fnCall(n, 'sigmoid'), rewrite: (n) => div(num(1), add(num(1), call('exp', neg(args(n)[0]!)))) },
  {
    name: 'tanh', identity: 'tanh u = (e^{2u} − 1)/(e^{2u} + 1)', applies: (n) => fnCall(n, 'tanh'),
    rewrite: (n) => { const u = args(n)[0]!; return div(sub(call('exp', mul(num(2), u)), num(1)), add(call('exp', mul(num(2), u.cloneDeep())), num(1))); },
  },
  { name: 'softplus', identity: 'softplus u = ln(1 + e^u)', applies: (n) => fnCall(n, 'softplus'), rewrite: (n) => call('log', add(num(1), call('exp', args(n)[0]!))) },
  {
    name: 'sech', identity: 'sech u = 2/(e^u + e^{−u})', applies: (n) => fnCall(n, 'sech'),
    rewrite: (n) => { const u = args(n)[0]!; return div(num(2), add(call('exp', u), call('exp', neg(u.cloneDeep())))); },
  },
  { name: 'sigmoid-reflection', identity: 'σ(u) = 1 − σ(−u)', applies: (n) => fnCall(n, 'sigmoid'), rewrite: (n) => sub(num(1), call('sigmoid', neg(args(n)[0]!))) },
  { name: 'add-commutes', identity: 'a + b = b + a', applies: (n) => op(n, 'add'), rewrite: (n) => { const [a, b] = args(n); return add(b!, a!); } },
  { name: 'multiply-commutes', identity: 'ab = ba', applies: (n) => op(n, 'multiply'), rewrite: (n) => { const [a, b] = args(n); return mul(b!, a!); } },
  {
    name: 'distribute', identity: 'a(b + c) = ab + ac', applies: (n) => op(n, 'multiply') && op(args(n)[1]!, 'add'),
    rewrite: (n) => { const [a, s] = args(n); const [b, c] = args(s!); return add(mul(a!, b!), mul(a!.cloneDeep(), c!)); },
  },
  {
    name: 'exp-of-sum', identity: 'e^{a+b} = e^a e^b', applies: (n) => fnCall(n, 'exp') && op(args(n)[0]!, 'add'),
    rewrite: (n) => { const [a, b] = args(args(n)[0]!); return mul(call('exp', a!), call('exp', b!)); },
  },
  { name: 'exp-as-power', identity: 'exp(u) = e^u', applies: (n) => fnCall(n, 'exp'), rewrite: (n) => pow(sym('e'), args(n)[0]!) },
  { name: 'subtract-as-negation', identity: 'a − b = −(b − a)', applies: (n) => op(n, 'subtract'), rewrite: (n) => { const [a, b] = args(n); return neg(sub(b!, a!)); } },
  { name: 'divide-as-power', identity: 'a/b = a·b^{−1}', applies: (n) => op(n, 'divide'), rewrite: (n) => { const [a, b] = args(n); return mul(a!, pow(b!, neg(num(1)))); } },
  { name: 'square-expanded', identity: 'u² = u·u', applies: (n) => op(n, 'pow') && (n as OperatorNode).args[1]!.type === 'ConstantNode' && ((n as OperatorNode).args[1] as unknown as { value: number }).value === 2, rewrite: (n) => { const u = args(n)[0]!; return mul(u, u.cloneDeep()); } },
  { name: 'add-zero', identity: 'u = (u + 3) − 3', applies: any, rewrite: (n) => sub(add(n.cloneDeep(), num(3)), num(3)) },
  { name: 'times-one', identity: 'u = 2u/2', applies: any, rewrite: (n) => div(mul(num(2), n.cloneDeep()), num(2)) },
];

/** A rewrite picked by `choice` and the index of the node it applies to (pre-order, modulo). */
export interface RewriteChoice {
  readonly rule: number;
  readonly index: number;
}

/**
 * `node` with rewrite `choice.rule` applied at one node where it applies (the `index`-th
 * modulo their number). The last rules apply everywhere, so a rewrite always happens: when the
 * chosen rule fits nowhere, `add-zero` is applied at the root. Returns the rewritten tree and
 * the rule used.
 */
export function applyRewrite(node: MathNode, choice: RewriteChoice): { tree: MathNode; rule: IdentityRewrite } {
  const rule = IDENTITY_REWRITES[choice.rule % IDENTITY_REWRITES.length]!;
  let count = 0;
  node.traverse((n, path) => {
    if (path !== 'fn' && rule.applies(n)) count++;
  });
  if (count === 0) {
    const fallback = IDENTITY_REWRITES.find((r) => r.name === 'add-zero')!;
    return { tree: fallback.rewrite(node), rule: fallback };
  }
  const target = choice.index % count;
  let seen = 0;
  const tree = node.transform((n, path) => {
    if (path === 'fn' || !rule.applies(n)) return n;
    return seen++ === target ? rule.rewrite(n) : n;
  });
  return { tree, rule };
}
