/**
 * Rewrites the compiler applies before generating code, so registered functions reach the
 * stable kernels even when an expression spells them out. Each rule is data: the pattern, the
 * fused kernel it becomes, and the identity it relies on (exact for all real arguments).
 *
 * The rewritten tree is internal to the numeric layer: it may call the fused kernels
 * `tanhSoftplus`, `sechSoftplus` and `logSigmoid`, which are not user-visible functions.
 */
import { FunctionNode, OperatorNode, SymbolNode, type ConstantNode, type MathNode } from 'mathjs';
import { CONSTANT_SYMBOLS } from '../symbolic/index.ts';

interface Rule {
  /** The identity, for documentation. */
  readonly identity: string;
  /** True when the replacement uses registered functions only (usable outside the compiler). */
  readonly registered?: boolean;
  /** The replacement, or undefined when the pattern does not match. */
  readonly apply: (node: MathNode) => MathNode | undefined;
}

const nameOf = (n: MathNode): string | undefined =>
  n.type === 'FunctionNode' ? ((n as FunctionNode).fn as unknown as SymbolNode).name : undefined;
const argOf = (n: MathNode): MathNode => (n as FunctionNode).args[0] as MathNode;
const callOf = (name: string, arg: MathNode): MathNode => new FunctionNode(new SymbolNode(name), [arg]);
const isOp = (n: MathNode, fn: string): n is OperatorNode => n.type === 'OperatorNode' && (n as OperatorNode).fn === fn;
const isOne = (n: MathNode): boolean => n.type === 'ConstantNode' && (n as ConstantNode).value === 1;
const same = (a: MathNode, b: MathNode): boolean => a.toString() === b.toString();
const isExpOf = (n: MathNode): MathNode | undefined => {
  if (nameOf(n) === 'exp') return argOf(n);
  if (isOp(n, 'pow') && n.args[0]!.type === 'SymbolNode' && (n.args[0] as SymbolNode).name === 'e') return n.args[1] as MathNode;
  return undefined;
};
/** u when n is 1 + e^u or e^u + 1. */
const onePlusExp = (n: MathNode): MathNode | undefined => {
  if (!isOp(n, 'add')) return undefined;
  const [a, b] = n.args as [MathNode, MathNode];
  return isOne(a) ? isExpOf(b) : isOne(b) ? isExpOf(a) : undefined;
};

/** Functions whose values are bounded (|f| ≤ 1) for every real argument, however large. */
const BOUNDED_FUNCTIONS: ReadonlySet<string> = new Set(['sigmoid', 'tanh', 'sech', 'tanhSoftplus', 'sechSoftplus', 'sign', 'heaviside']);

/**
 * True when `n` is bounded by a constant for all real inputs: a finite constant, a bounded
 * function, or sums, differences, products and small integer powers of such; so it never
 * overflows, while an unbounded factor (a variable, e^u, …) may.
 */
function isBounded(n: MathNode): boolean {
  if (n.type === 'ConstantNode') return Number.isFinite((n as ConstantNode).value as unknown as number);
  if (n.type === 'SymbolNode') return CONSTANT_SYMBOLS.has((n as SymbolNode).name);
  if (n.type === 'ParenthesisNode') return isBounded((n as unknown as { content: MathNode }).content);
  const name = nameOf(n);
  if (name !== undefined) return BOUNDED_FUNCTIONS.has(name);
  if (n.type !== 'OperatorNode') return false;
  const op = n as OperatorNode;
  const args = op.args as MathNode[];
  if (op.fn === 'add' || op.fn === 'subtract' || op.fn === 'multiply' || op.fn === 'unaryMinus' || op.fn === 'unaryPlus') return args.every(isBounded);
  if (op.fn === 'pow') {
    const k = args[1]!.type === 'ConstantNode' ? ((args[1] as ConstantNode).value as unknown as number) : NaN;
    return Number.isInteger(k) && k >= 0 && isBounded(args[0]!);
  }
  return false;
}

/** The factors of a product tree a·b·c… (multiplications only). */
function factorsOf(n: MathNode): MathNode[] {
  return isOp(n, 'multiply') && n.args.length === 2 ? [...factorsOf(n.args[0] as MathNode), ...factorsOf(n.args[1] as MathNode)] : [n];
}

const RULES: readonly Rule[] = [
  { identity: 'tanh(softplus u) = tanhSoftplus(u)', apply: (n) => (nameOf(n) === 'tanh' && nameOf(argOf(n)) === 'softplus' ? callOf('tanhSoftplus', argOf(argOf(n))) : undefined) },
  { identity: 'sech(softplus u) = sechSoftplus(u)', apply: (n) => (nameOf(n) === 'sech' && nameOf(argOf(n)) === 'softplus' ? callOf('sechSoftplus', argOf(argOf(n))) : undefined) },
  { identity: 'ln σ(u) = logSigmoid(u)', apply: (n) => (nameOf(n) === 'log' && nameOf(argOf(n)) === 'sigmoid' ? callOf('logSigmoid', argOf(argOf(n))) : undefined) },
  {
    identity: 'ln(1 − σ(u)) = logSigmoid(−u)',
    apply: (n) => {
      if (nameOf(n) !== 'log') return undefined;
      const inner = argOf(n);
      if (!isOp(inner, 'subtract') || !isOne(inner.args[0] as MathNode) || nameOf(inner.args[1] as MathNode) !== 'sigmoid') return undefined;
      return callOf('logSigmoid', new OperatorNode('-', 'unaryMinus', [argOf(inner.args[1] as MathNode)]));
    },
  },
  {
    identity: 'ln(1 + e^u) = log1p(e^u) = softplus(u)',
    registered: true,
    apply: (n) => {
      if (nameOf(n) === 'log') { const u = onePlusExp(argOf(n)); return u && callOf('softplus', u); }
      if (nameOf(n) === 'log1p') { const u = isExpOf(argOf(n)); return u && callOf('softplus', u); }
      return undefined;
    },
  },
  {
    identity: '1/(1 + e^−u) = σ(u)',
    registered: true,
    apply: (n) => {
      if (!isOp(n, 'divide') || !isOne(n.args[0] as MathNode)) return undefined;
      const v = onePlusExp(n.args[1] as MathNode);
      return v && isOp(v, 'unaryMinus') ? callOf('sigmoid', v.args[0] as MathNode) : undefined;
    },
  },
  {
    identity: 'u·σ(u) = Swish(u), u·tanh(softplus u) = Mish(u)',
    apply: (n) => {
      if (!isOp(n, 'multiply')) return undefined;
      const [a, b] = n.args as [MathNode, MathNode];
      for (const [u, g] of [[a, b], [b, a]] as const) {
        if (nameOf(g) === 'sigmoid' && same(argOf(g), u)) return callOf('swish', u);
        if (nameOf(g) === 'tanhSoftplus' && same(argOf(g), u)) return callOf('mish', u);
      }
      return undefined;
    },
  },
  {
    // Last, so u·σ(u) has become Swish first. A bounded factor that underflows to 0 then meets
    // the finite unbounded factor (0·x = 0) instead of an overflowed partial product (∞·0 =
    // NaN): 2·x·σ(βx) at x = −MAX is (2·σ(βx))·x = 0, not (2·x)·σ(βx) = −∞·0. The same factors
    // are multiplied, so the rounding error bound is unchanged.
    identity: 'a·b·c·… = (bounded factors)·(unbounded factors): multiplication is commutative',
    apply: (n) => {
      if (!isOp(n, 'multiply')) return undefined;
      const factors = factorsOf(n);
      const bounded = factors.filter(isBounded);
      if (bounded.length === 0 || bounded.length === factors.length) return undefined;
      const ordered = [...bounded, ...factors.filter((f) => !isBounded(f))];
      if (ordered.every((f, i) => f === factors[i])) return undefined;
      return ordered.reduce((product, f) => new OperatorNode('*', 'multiply', [product, f]));
    },
  },
];

/** Applies the stable rewrites bottom-up (each rule shrinks the tree or orders a product once, so it ends). */
export function stableRewrite(node: MathNode): MathNode {
  return rewrite(node, RULES);
}

const REGISTERED_RULES = RULES.filter((r) => r.registered);

/**
 * Recognises registered functions spelled out (1/(1 + e^−u) → σ(u), ln(1 + e^u) → softplus(u)),
 * so that derivatives of the result use the stable kernels. The result contains registered
 * functions only and is equal to `node` for every real input.
 * @example recognizeFunctions(parseExpression('1/(1+exp(-x))')).toString() // "sigmoid(x)"
 */
export function recognizeFunctions(node: MathNode): MathNode {
  return rewrite(node, REGISTERED_RULES);
}

function rewrite(node: MathNode, rules: readonly Rule[]): MathNode {
  let n = node;
  if (n.type === 'ParenthesisNode') return rewrite((n as unknown as { content: MathNode }).content, rules);
  if (n.type === 'OperatorNode') {
    const op = n as OperatorNode;
    n = new OperatorNode(op.op, op.fn, (op.args as MathNode[]).map((a) => rewrite(a, rules)));
  } else if (n.type === 'FunctionNode') {
    const f = n as FunctionNode;
    n = new FunctionNode(f.fn, (f.args as MathNode[]).map((a) => rewrite(a, rules)));
  }
  for (const rule of rules) {
    const replaced = rule.apply(n);
    if (replaced) return rewrite(replaced, rules);
  }
  return n;
}

/** The identities the rewrites rely on, for documentation. */
export const STABLE_REWRITE_IDENTITIES: readonly string[] = RULES.map((r) => r.identity);
