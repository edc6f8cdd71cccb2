/**
 * Evaluation of a whitelisted expression in another number system (complex numbers, dual and
 * hyper-dual numbers): the tree is turned once into a tree of closures over an {@link Algebra},
 * with common sub-expressions shared, then called per point.
 */
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { CONSTANT_SYMBOLS, GradproofError } from '../symbolic/index.ts';
import { stableRewrite } from './stable-rewrites.ts';

/** The operations an expression needs from a number system. */
export interface Algebra<T> {
  /** Name for messages, e.g. "dual". */
  readonly name: string;
  constant(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  /** a^n for a constant exponent n. */
  powConstant(a: T, n: number): T;
  /** a^b in general. */
  pow(a: T, b: T): T;
  /** A registered function or fused kernel by name; throws GP_INPUT for one it lacks. */
  apply(name: string, args: readonly T[]): T;
}

/** An expression compiled for an algebra: values in the order of the variables. */
export type AlgebraFunction<T> = (values: readonly T[]) => T;

/**
 * Compiles `node` into a function over `algebra`.
 * @throws GradproofError GP_INPUT for an unknown symbol or a function the algebra lacks.
 */
export function compileAlgebra<T>(node: MathNode, variables: readonly string[], algebra: Algebra<T>): AlgebraFunction<T> {
  const index = new Map(variables.map((v, i) => [v, i]));
  const memo = new Map<string, (x: readonly T[], cache: Map<string, T>) => T>();

  const build = (n: MathNode): ((x: readonly T[], cache: Map<string, T>) => T) => {
    const key = n.toString();
    const known = memo.get(key);
    if (known) return known;
    const raw = buildRaw(n);
    const shared = (x: readonly T[], cache: Map<string, T>): T => {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const value = raw(x, cache);
      cache.set(key, value);
      return value;
    };
    memo.set(key, shared);
    return shared;
  };

  const buildRaw = (n: MathNode): ((x: readonly T[], cache: Map<string, T>) => T) => {
    switch (n.type) {
      case 'ConstantNode': {
        const c = algebra.constant((n as ConstantNode).value as number);
        return () => c;
      }
      case 'SymbolNode': {
        const name = (n as SymbolNode).name;
        const i = index.get(name);
        if (i !== undefined) return (x) => x[i]!;
        const constant = CONSTANT_SYMBOLS.get(name);
        if (constant === undefined) throw new GradproofError('GP_INPUT', `unknown symbol '${name}': expected one of ${variables.join(', ')}, e, pi`);
        const c = algebra.constant(constant);
        return () => c;
      }
      case 'ParenthesisNode':
        return build((n as unknown as { content: MathNode }).content);
      case 'OperatorNode': {
        const op = n as OperatorNode;
        const args = (op.args as MathNode[]);
        if (op.fn === 'unaryMinus') { const a = build(args[0]!); return (x, c) => algebra.neg(a(x, c)); }
        if (op.fn === 'unaryPlus') return build(args[0]!);
        if (op.fn === 'pow') {
          const [base, exponent] = args as [MathNode, MathNode];
          if (base.type === 'SymbolNode' && (base as SymbolNode).name === 'e' && !index.has('e')) {
            const e = build(exponent);
            return (x, c) => algebra.apply('exp', [e(x, c)]);
          }
          const a = build(base);
          if (exponent.type === 'ConstantNode') {
            const k = (exponent as ConstantNode).value as number;
            return (x, c) => algebra.powConstant(a(x, c), k);
          }
          const b = build(exponent);
          return (x, c) => algebra.pow(a(x, c), b(x, c));
        }
        const a = build(args[0]!);
        const b = build(args[1]!);
        switch (op.fn) {
          case 'add': return (x, c) => algebra.add(a(x, c), b(x, c));
          case 'subtract': return (x, c) => algebra.sub(a(x, c), b(x, c));
          case 'multiply': return (x, c) => algebra.mul(a(x, c), b(x, c));
          case 'divide': return (x, c) => algebra.div(a(x, c), b(x, c));
          default: throw new GradproofError('GP_INPUT', `operator ${op.fn}: expected one of + - * / ^`);
        }
      }
      case 'FunctionNode': {
        const name = ((n as FunctionNode).fn as unknown as SymbolNode).name;
        const args = ((n as FunctionNode).args as MathNode[]).map(build);
        algebra.apply(name, args.map(() => algebra.constant(0.5))); // fails early for an unsupported function
        return (x, c) => algebra.apply(name, args.map((f) => f(x, c)));
      }
      default:
        throw new GradproofError('GP_INPUT', `${n.type}: expected a whitelisted arithmetic expression`);
    }
  };

  const root = build(stableRewrite(node));
  return (values) => root(values, new Map());
}
