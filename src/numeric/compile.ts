/**
 * The expression compiler: a whitelisted mathjs node becomes a fast JS function by code
 * generation from our own walk of the tree.
 *
 * Safety: only the node types below produce code, and the generated source contains only
 * numeric literals, names we generate (`v0`, `t3`, `K2`: variables and kernels are referred to
 * by index, never by the user's spelling), arithmetic operators and calls of the fixed kernel
 * table. User text never reaches `new Function`. Kernels of the sigmoid family (σ, softplus,
 * tanh∘softplus, sech∘softplus, Swish, Mish) share one e^−|a| per argument.
 *
 * Float32 mode rounds every input, constant and operation result with `Math.fround`, which is
 * what TensorFlow.js computes on its float32 tensors (up to its own kernel formulas).
 * Magnitude mode evaluates, instead of the value, a first-order bound M on the propagated
 * rounding error in units of the unit roundoff u: M(a ± b) = M(a) + M(b), M(ab) = M(a)M(b),
 * M(a/b) = M(a)/|b| + |a/b|·M(b)/|b|, M(f(a)) = |f(a)| + |f′(a)|·M(a), M(x) = |x|; so u·M
 * estimates the absolute rounding error of the value (cancellation and conditioning included).
 * Error mode bounds the same error for exact inputs (a checked point is exact: it carries no
 * error to amplify): E(x) = 0, E(integer) = 0, E(a ± b) = |a ± b| + E(a) + E(b),
 * E(ab) = |ab| + |a|E(b) + |b|E(a), E(a/b) = |a/b| + (E(a) + |a/b|E(b))/|b|,
 * E(f(a)) = |f(a)| + |f′(a)|E(a); u·E is then first order in u and not inflated by the
 * condition number of the input (e^x at x = 30 has error u·e^30, not u·30·e^30).
 */
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { CONSTANT_SYMBOLS, GradproofError } from '../symbolic/index.ts';
import { kernels } from './kernel-table.ts';
import { stableRewrite } from './stable-rewrites.ts';
import { expNegAbs } from './stable-kernels.ts';

/** Floating-point format of a compiled function. */
export type Dtype = 'float64' | 'float32';

/** Options of {@link compileExpression}. */
export interface CompileOptions {
  /** Names of the inputs, in the order `evaluate` receives them (variables then parameters). */
  readonly variables: readonly string[];
  /** Arithmetic: `float64` (default) or `float32` (fround after every operation). */
  readonly dtype?: Dtype;
  /** Apply the stable rewrites first (default true). */
  readonly stable?: boolean;
  /**
   * `value` (default), `magnitude` (size of intermediate terms, for rounding-error estimates that
   * include the inputs' own rounding) or `error` (rounding-error bound for exact inputs).
   */
  readonly output?: 'value' | 'magnitude' | 'error';
}

/** A typed array of the compiled function's dtype. */
export type FloatArray = Float64Array | Float32Array;

/** A compiled expression. */
export interface CompiledExpression {
  readonly variables: readonly string[];
  readonly dtype: Dtype;
  /** The generated source, for inspection. */
  readonly source: string;
  /** The value at one point (`values` in the order of `variables`). */
  evaluate(values: ArrayLike<number>): number;
  /**
   * Values at many points: `columns[i][k]` is variable i at point k. Writes to `out` (allocated
   * with the dtype's array type when omitted) and returns it.
   */
  evaluateMany(columns: readonly ArrayLike<number>[], out?: FloatArray): FloatArray;
}

/** Integer exponents up to this are expanded into products (exact in float32 mode, faster). */
const MAX_EXPANDED_POWER = 4;

const KERNELS = kernels();
const KERNEL_INDEX: ReadonlyMap<string, number> = new Map(KERNELS.map((k, i) => [k.name, i]));

interface Emitted {
  readonly value: string;
  readonly magnitude: string;
}

class Emitter {
  readonly lines: string[] = [];
  private readonly memo = new Map<string, string>();
  private count = 0;
  private readonly exact: boolean;
  constructor(private readonly variables: ReadonlyMap<string, number>, private readonly f32: boolean, private readonly magnitude: boolean, exactInputs = false) {
    this.exact = exactInputs;
  }

  private temp(expression: string): string {
    const known = this.memo.get(expression);
    if (known) return known;
    const name = `t${this.count++}`;
    this.lines.push(`const ${name} = ${expression};`);
    this.memo.set(expression, name);
    return name;
  }
  private round(expression: string): string {
    return this.temp(this.f32 ? `F(${expression})` : expression);
  }
  private literal(value: number): string {
    const v = this.f32 ? Math.fround(value) : value;
    if (Object.is(v, -0)) return '(-0)';
    if (Number.isNaN(v)) return 'NaN';
    return v < 0 ? `(${String(v)})` : String(v);
  }
  private abs(value: string): string {
    return this.magnitude ? this.temp(`A(${value})`) : '0';
  }

  emit(node: MathNode): Emitted {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as ConstantNode).value as unknown;
        if (typeof value !== 'number') throw new GradproofError('GP_INPUT', `constant ${String(value)}: expected a number`);
        const lit = this.literal(value);
        // error mode: an integer literal is exact; another may be the rounding of the intended decimal
        return { value: lit, magnitude: this.literal(this.exact && Number.isInteger(value) ? 0 : Math.abs(value)) };
      }
      case 'SymbolNode': {
        const name = (node as SymbolNode).name;
        const index = this.variables.get(name);
        if (index !== undefined) return { value: `v${index}`, magnitude: this.exact ? '0' : this.abs(`v${index}`) };
        const constant = CONSTANT_SYMBOLS.get(name);
        if (constant !== undefined) return { value: this.literal(constant), magnitude: this.literal(constant) };
        throw new GradproofError('GP_INPUT', `unknown symbol '${name}': expected one of ${[...this.variables.keys(), ...CONSTANT_SYMBOLS.keys()].join(', ')}`);
      }
      case 'ParenthesisNode':
        return this.emit((node as unknown as { content: MathNode }).content);
      case 'OperatorNode':
        return this.operator(node as OperatorNode);
      case 'FunctionNode':
        return this.call(node as FunctionNode);
      default:
        throw new GradproofError('GP_INPUT', `${node.type}: expected a whitelisted arithmetic expression`);
    }
  }

  private operator(op: OperatorNode): Emitted {
    const args = op.args as MathNode[];
    if (op.fn === 'unaryMinus') {
      const a = this.emit(args[0]!);
      return { value: this.temp(`-${a.value}`), magnitude: a.magnitude };
    }
    if (op.fn === 'unaryPlus') return this.emit(args[0]!);
    if (op.fn === 'pow') return this.power(args[0]!, args[1]!);
    const symbol = ({ add: '+', subtract: '-', multiply: '*', divide: '/' } as Record<string, string>)[op.fn];
    if (!symbol || args.length !== 2) throw new GradproofError('GP_INPUT', `operator ${op.fn}: expected one of + - * / ^`);
    const a = this.emit(args[0]!);
    const b = this.emit(args[1]!);
    const value = this.round(`${a.value} ${symbol} ${b.value}`);
    if (!this.magnitude) return { value, magnitude: '0' };
    if (this.exact) {
      const error =
        symbol === '+' || symbol === '-' ? `A(${value}) + ${a.magnitude} + ${b.magnitude}`
          : symbol === '*' ? `A(${value}) + A(${a.value}) * ${b.magnitude} + A(${b.value}) * ${a.magnitude}`
            : `A(${value}) + (${a.magnitude} + A(${value}) * ${b.magnitude}) / A(${b.value})`;
      return { value, magnitude: this.temp(error) };
    }
    const magnitude =
      symbol === '+' || symbol === '-' ? this.temp(`${a.magnitude} + ${b.magnitude}`)
        : symbol === '*' ? this.temp(`${a.magnitude} * ${b.magnitude}`)
          : this.temp(`(${a.magnitude} + A(${value}) * ${b.magnitude}) / A(${b.value})`);
    return { value, magnitude };
  }

  private power(base: MathNode, exponent: MathNode): Emitted {
    if (base.type === 'SymbolNode' && (base as SymbolNode).name === 'e' && !this.variables.has('e')) {
      const x = this.emit(exponent);
      const value = this.round(`K${KERNEL_INDEX.get('exp')}(${x.value})`);
      return { value, magnitude: this.magnitude ? this.temp(`A(${value}) + A(${value}) * ${x.magnitude}`) : '0' };
    }
    const a = this.emit(base);
    const n = exponent.type === 'ConstantNode' ? ((exponent as ConstantNode).value as number) : NaN;
    let value: string;
    let magnitude = '0';
    if (Number.isInteger(n) && n >= 1 && n <= MAX_EXPANDED_POWER) {
      value = a.value;
      for (let i = 1; i < n; i++) value = this.round(`${value} * ${a.value}`);
      if (this.magnitude) magnitude = this.temp(`${this.exact ? n - 1 : 1} * A(${value}) + ${n} * A(P(${a.value}, ${n - 1})) * ${a.magnitude}`);
    } else {
      const b = this.emit(exponent);
      value = this.round(`P(${a.value}, ${b.value})`);
      // d(a^b) = b a^(b−1) da + a^b ln a db
      if (this.magnitude) magnitude = this.temp(`A(${value}) + A(${b.value} * P(${a.value}, ${b.value} - 1)) * ${a.magnitude} + A(${value} * K${KERNEL_INDEX.get('log')}(A(${a.value}))) * ${b.magnitude}`);
    }
    return { value, magnitude };
  }

  private call(f: FunctionNode): Emitted {
    const name = (f.fn as unknown as SymbolNode).name;
    const index = KERNEL_INDEX.get(name);
    if (index === undefined) throw new GradproofError('GP_INPUT', `unknown function '${name}': expected one of ${[...KERNEL_INDEX.keys()].join(', ')}`);
    const emitted = (f.args as MathNode[]).map((a) => this.emit(a));
    // Sigmoid-family kernels share one e^−|a| per argument (common sub-expression).
    const value = KERNELS[index]!.fromExp
      ? this.round(`X${index}(${emitted[0]!.value}, ${this.temp(`E(${emitted[0]!.value})`)})`)
      : this.round(`K${index}(${emitted.map((e) => e.value).join(', ')})`);
    if (!this.magnitude) return { value, magnitude: '0' };
    if (emitted.length === 2) return { value, magnitude: this.temp(`A(${value}) + ${emitted[0]!.magnitude} + ${emitted[1]!.magnitude}`) };
    return { value, magnitude: this.temp(`A(${value}) + A(D${index}(${emitted[0]!.value})) * ${emitted[0]!.magnitude}`) };
  }
}

/**
 * Compiles `node` to a function of `options.variables`.
 *
 * @throws GradproofError GP_INPUT for a symbol that is not a variable or constant, or a function
 *   outside the kernel table.
 * @example
 * const f = compileExpression(parseExpression('x*sigmoid(beta*x)'), { variables: ['x', 'beta'] });
 * f.evaluate([1, 1]) // 0.7310585786300049
 */
export function compileExpression(node: MathNode, options: CompileOptions): CompiledExpression {
  const dtype = options.dtype ?? 'float64';
  const f32 = dtype === 'float32';
  const magnitude = options.output === 'magnitude' || options.output === 'error';
  const variables = new Map(options.variables.map((name, i) => [name, i]));
  const tree = options.stable === false ? node : stableRewrite(node);
  const emitter = new Emitter(variables, f32, magnitude, options.output === 'error');
  const result = emitter.emit(tree);
  const output = magnitude ? result.magnitude : result.value;
  const n = options.variables.length;
  const read = (from: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `const v${i} = ${f32 ? `F(${from(i)})` : from(i)};`).join(' ');
  const kernelBindings = KERNELS.map((k, i) => `K${i} = K[${i}], D${i} = D[${i}]${k.fromExp ? `, X${i} = X[${i}]` : ''}`).join(', ');
  const body = emitter.lines.join('\n    ');
  const source = [
    `const ${kernelBindings};`,
    `const scalar = function (x) {\n    ${read((i) => `x[${i}]`)}\n    ${body}\n    return ${output};\n  };`,
    `const many = function (c, out, count) {\n  ${Array.from({ length: n }, (_, i) => `const c${i} = c[${i}];`).join(' ')}\n  for (let i = 0; i < count; i++) {\n    ${read((i) => `c${i}[i]`)}\n    ${body}\n    out[i] = ${output};\n  }\n  return out;\n};`,
    'return [scalar, many];',
  ].join('\n');
  // The source is built only from generated names, literals and operators (see the file header).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const [scalar, many] = new Function('K', 'D', 'X', 'E', 'F', 'P', 'A', source)(
    KERNELS.map((k) => k.f), KERNELS.map((k) => k.d1), KERNELS.map((k) => k.fromExp), expNegAbs, Math.fround, Math.pow, Math.abs,
  ) as [
    (x: ArrayLike<number>) => number,
    (c: readonly ArrayLike<number>[], out: FloatArray, count: number) => FloatArray,
  ];
  return {
    variables: [...options.variables],
    dtype,
    source,
    evaluate: (values) => scalar(values),
    evaluateMany: (columns, out) => {
      const count = columns.length > 0 ? columns[0]!.length : out?.length ?? 1;
      const target = out ?? (f32 ? new Float32Array(count) : new Float64Array(count));
      return many(columns, target, count);
    },
  };
}
