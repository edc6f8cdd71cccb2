/**
 * Compiles a mathjs expression tree (already whitelisted by the symbolic layer, or literal text
 * we wrote) into a function of tfjs tensors: the bridge from the catalog's proved expressions to
 * training. No text is ever evaluated: the tree is walked once into closures.
 *
 * Supported nodes: ConstantNode (numbers), SymbolNode (variables given at call time and the
 * constants e, pi), ParenthesisNode, OperatorNode + − · / ^ (binary) and unary −/+, and
 * FunctionNode calls of the functions in {@link TFJS_FUNCTIONS}. An expression without free
 * symbols evaluates to a tensor shaped like the first of `variables`. Constant sub-trees are folded,
 * `+ 0`, `· 1` and `· 0`-free forms are simplified, and repeated sub-trees are computed once per
 * call (e.g. σ(βx) appears three times in Swish-β's derivative).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MathNode } from 'mathjs';
import { CONSTANT_SYMBOLS, GradproofError } from '../symbolic/index.ts';

/** Values of the free symbols at call time. */
export type TensorEnv = Readonly<Record<string, tf.Tensor>>;

/** A compiled expression: evaluates to a tensor broadcast over its inputs. */
export type TensorFn = (env: TensorEnv) => tf.Tensor;

/** A node compiled either to a known number or to a tensor computation. */
type Compiled = { readonly kind: 'const'; readonly value: number } | { readonly kind: 'fn'; readonly key: string; readonly run: (env: TensorEnv, cache: Map<string, tf.Tensor>) => tf.Tensor };

type Unary = (a: tf.Tensor) => tf.Tensor;

/** Functions the compiler maps to tfjs ops (one argument unless noted), with their numeric versions for folding. */
export const TFJS_FUNCTIONS: Readonly<Record<string, { tensor: Unary; number: (a: number) => number }>> = {
  exp: { tensor: tf.exp, number: Math.exp },
  log: { tensor: tf.log, number: Math.log },
  log1p: { tensor: tf.log1p, number: Math.log1p },
  sqrt: { tensor: tf.sqrt, number: Math.sqrt },
  abs: { tensor: tf.abs, number: Math.abs },
  sign: { tensor: tf.sign, number: Math.sign },
  tanh: { tensor: tf.tanh, number: Math.tanh },
  cosh: { tensor: tf.cosh, number: Math.cosh },
  sinh: { tensor: tf.sinh, number: Math.sinh },
  sech: { tensor: (a) => tf.reciprocal(tf.cosh(a)), number: (a) => 1 / Math.cosh(a) },
  sigmoid: { tensor: tf.sigmoid, number: (a) => 1 / (1 + Math.exp(-a)) },
  softplus: { tensor: tf.softplus, number: (a) => Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a))) },
  relu: { tensor: tf.relu, number: (a) => Math.max(a, 0) },
  /** Heaviside step with H(0) = 0, matching tfjs's own ReLU gradient at the kink. */
  heaviside: { tensor: (a) => tf.step(a), number: (a) => (a > 0 ? 1 : 0) },
};

/** Binary (or n-ary, folded left) functions. */
const TFJS_BINARY: Readonly<Record<string, { tensor: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor; number: (a: number, b: number) => number }>> = {
  max: { tensor: tf.maximum, number: Math.max },
  min: { tensor: tf.minimum, number: Math.min },
};

const OPERATORS: Readonly<Record<string, { tensor: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor; number: (a: number, b: number) => number }>> = {
  add: { tensor: tf.add, number: (a, b) => a + b },
  subtract: { tensor: tf.sub, number: (a, b) => a - b },
  multiply: { tensor: tf.mul, number: (a, b) => a * b },
  divide: { tensor: tf.div, number: (a, b) => a / b },
  pow: { tensor: tf.pow, number: (a, b) => a ** b },
};

/**
 * Compiles `node` into a tensor function of the symbols in `variables`.
 *
 * @throws GradproofError GP_INPUT for a node type, operator, function or symbol it does not know.
 * @example
 * const f = compileToTfjs(parseExpression('x*sigmoid(beta*x)'), ['x', 'beta']);
 * f({ x: tf.tensor([1, 2]), beta: tf.scalar(1) }); // Swish-β
 */
export function compileToTfjs(node: MathNode, variables: readonly string[]): TensorFn {
  const compiled = compileNode(node, new Set(variables));
  if (compiled.kind === 'const') {
    const value = compiled.value;
    const shapeFrom = variables[0];
    return (env) => {
      const first = shapeFrom === undefined ? undefined : env[shapeFrom];
      return first === undefined ? tf.scalar(value) : tf.fill(first.shape, value);
    };
  }
  return (env) => compiled.run(env, new Map());
}

function compileNode(node: MathNode, variables: ReadonlySet<string>): Compiled {
  const key = node.toString();
  const fn = (run: (env: TensorEnv, cache: Map<string, tf.Tensor>) => tf.Tensor): Compiled => ({
    kind: 'fn',
    key,
    run: (env, cache) => {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const value = run(env, cache);
      cache.set(key, value);
      return value;
    },
  });
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw unsupported(`constant ${String(value)}`, 'a number');
      return { kind: 'const', value };
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (variables.has(name)) {
        return fn((env) => {
          const t = env[name];
          if (t === undefined) throw new GradproofError('GP_INPUT', `expression ${key}: expected a value for '${name}', got none`);
          return t;
        });
      }
      const constant = CONSTANT_SYMBOLS.get(name);
      if (constant !== undefined) return { kind: 'const', value: constant };
      throw unsupported(`symbol '${name}'`, `one of ${[...variables, ...CONSTANT_SYMBOLS.keys()].join(', ')}`);
    }
    case 'ParenthesisNode':
      return compileNode((node as unknown as { content: MathNode }).content, variables);
    case 'OperatorNode':
      return compileOperator(node as unknown as { fn: string; op: string; args: MathNode[] }, variables, fn);
    case 'FunctionNode':
      return compileFunction(node as unknown as { fn: { name: string }; args: MathNode[] }, variables, fn);
    default:
      throw unsupported(`node type ${node.type}`, 'a constant, symbol, operator or function call');
  }
}

type Wrap = (run: (env: TensorEnv, cache: Map<string, tf.Tensor>) => tf.Tensor) => Compiled;

function compileOperator(node: { fn: string; op: string; args: MathNode[] }, variables: ReadonlySet<string>, wrap: Wrap): Compiled {
  const args = node.args.map((a) => compileNode(a, variables));
  if (args.length === 1) {
    const [a] = args;
    if (node.fn === 'unaryPlus') return a;
    if (node.fn !== 'unaryMinus') throw unsupported(`unary operator ${node.op}`, 'unary − or +');
    if (a.kind === 'const') return { kind: 'const', value: -a.value };
    return wrap((env, cache) => tf.neg(a.run(env, cache)));
  }
  const op = OPERATORS[node.fn];
  if (op === undefined || args.length !== 2) throw unsupported(`operator ${node.op}`, '+ − * / ^');
  const [a, b] = args;
  if (a.kind === 'const' && b.kind === 'const') return { kind: 'const', value: op.number(a.value, b.value) };
  const simplified = simplifyIdentity(node.fn, a, b);
  if (simplified !== undefined) return simplified;
  if (node.fn === 'pow' && b.kind === 'const' && b.value === 2 && a.kind === 'fn') return wrap((env, cache) => tf.square(a.run(env, cache)));
  const ta = asTensorFn(a);
  const tb = asTensorFn(b);
  return wrap((env, cache) => op.tensor(ta(env, cache), tb(env, cache)));
}

/** x + 0, 0 + x, x − 0, x · 1, 1 · x, x / 1, x ^ 1 → x. */
function simplifyIdentity(fn: string, a: Compiled, b: Compiled): Compiled | undefined {
  const is = (c: Compiled, v: number) => c.kind === 'const' && c.value === v;
  if ((fn === 'add' && is(a, 0)) || (fn === 'multiply' && is(a, 1))) return b;
  if (((fn === 'add' || fn === 'subtract') && is(b, 0)) || ((fn === 'multiply' || fn === 'divide' || fn === 'pow') && is(b, 1))) return a;
  return undefined;
}

function compileFunction(node: { fn: { name: string }; args: MathNode[] }, variables: ReadonlySet<string>, wrap: Wrap): Compiled {
  const name = node.fn.name;
  const args = node.args.map((a) => compileNode(a, variables));
  const unary = TFJS_FUNCTIONS[name];
  if (unary !== undefined) {
    if (args.length !== 1) throw unsupported(`${name} with ${args.length} arguments`, '1 argument');
    const [a] = args;
    if (a.kind === 'const') return { kind: 'const', value: unary.number(a.value) };
    return wrap((env, cache) => unary.tensor(a.run(env, cache)));
  }
  const binary = TFJS_BINARY[name];
  if (binary !== undefined) {
    if (args.length < 2) throw unsupported(`${name} with ${args.length} argument`, 'at least 2 arguments');
    if (args.every((a) => a.kind === 'const')) {
      return { kind: 'const', value: args.map((a) => (a as { value: number }).value).reduce(binary.number) };
    }
    const fns = args.map(asTensorFn);
    return wrap((env, cache) => fns.map((f) => f(env, cache)).reduce(binary.tensor));
  }
  throw unsupported(`function ${name}`, `one of ${[...Object.keys(TFJS_FUNCTIONS), ...Object.keys(TFJS_BINARY)].join(', ')}`);
}

function asTensorFn(c: Compiled): (env: TensorEnv, cache: Map<string, tf.Tensor>) => tf.Tensor {
  if (c.kind === 'fn') return c.run;
  const value = c.value;
  return () => tf.scalar(value);
}

function unsupported(what: string, expected: string): GradproofError {
  return new GradproofError('GP_INPUT', `tfjs compiler: expected ${expected}, got ${what}`);
}
