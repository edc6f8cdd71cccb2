/**
 * The whitelist gate every expression passes through, whatever parser produced it (text or
 * LaTeX): rebuilds the tree from allowed node types only, applies the limits, resolves function
 * aliases, and turns calls of non-functions (`x(4x+6)`) into products.
 */
import { ConstantNode, FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';
import { GradproofError } from './error.ts';
import type { ExpressionLimits } from './expression-limits.ts';
import { functionRule } from './function-rules.ts';
import { mul } from './node-builders.ts';

/** Names students and papers use for registered functions (lower-cased key). */
const FUNCTION_ALIASES: ReadonlyMap<string, string> = new Map([
  ['ln', 'log'],
  ['sigma', 'sigmoid'],
  ['σ', 'sigmoid'],
  ['logistic', 'sigmoid'],
  ['silu', 'swish'],
  ['swish', 'swish'],
  ['mish', 'mish'],
  ['relu', 'relu'],
  ['softplus', 'softplus'],
  ['sech', 'sech'],
  ['sgn', 'sign'],
]);

const BINARY_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow']);
const UNARY_OPERATORS = new Set(['unaryMinus', 'unaryPlus']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Resolves an alias (`ln`, `sigma`, `Swish`) to a registered function name, if it is one. */
export function resolveFunctionName(name: string): string | undefined {
  const alias = FUNCTION_ALIASES.get(name.toLowerCase()) ?? name;
  return functionRule(alias) ? alias : undefined;
}

/**
 * Rebuilds `node` from whitelisted parts, checking `limits`.
 * `source` (the text it came from) is used only to give positions in error messages.
 */
export function sanitizeNode(node: MathNode, limits: ExpressionLimits, source = ''): MathNode {
  let count = 0;
  const positionOf = (needle: string): number | undefined => {
    const i = source.indexOf(needle);
    return i >= 0 ? i : undefined;
  };
  const fail = (code: 'GP_INPUT' | 'GP_LIMIT', what: string, needle?: string): never => {
    const offset = needle === undefined ? undefined : positionOf(needle);
    const where = offset === undefined ? '' : ` (at position ${offset})`;
    throw new GradproofError(code, `${what}${where}`, offset === undefined ? {} : { position: { offset } });
  };

  const walk = (n: MathNode, depth: number, tower: number): MathNode => {
    if (++count > limits.maxNodes) fail('GP_LIMIT', `expression too large: expected at most ${limits.maxNodes} nodes`);
    if (depth > limits.maxDepth) fail('GP_LIMIT', `expression nested too deeply: expected at most ${limits.maxDepth} levels`);
    if (tower > limits.maxTower) fail('GP_LIMIT', `exponent tower too high: expected at most ${limits.maxTower} nested powers`);
    switch (n.type) {
      case 'ConstantNode': {
        const value = (n as ConstantNode).value as unknown;
        if (typeof value !== 'number' || !Number.isFinite(value)) fail('GP_INPUT', `constant ${String(value)}: expected a finite number`, numberText(value, source));
        return new ConstantNode(value as number);
      }
      case 'SymbolNode': {
        const name = (n as SymbolNode).name;
        if (!IDENTIFIER.test(name)) fail('GP_INPUT', `name '${name}': expected letters, digits and _`, name);
        return new SymbolNode(name);
      }
      case 'ParenthesisNode':
        return walk((n as unknown as { content: MathNode }).content, depth + 1, tower);
      case 'OperatorNode': {
        const op = n as OperatorNode;
        const args = op.args as MathNode[];
        if (args.length === 2 && BINARY_OPERATORS.has(op.fn)) {
          if (op.fn === 'pow') return power(args[0]!, args[1]!, depth, tower);
          // A chain a + b + c … is one level, not one per term: the left operand of the same
          // associative family stays at this depth (so long sums are not "nested too deeply").
          const leftDepth = sameChain(op.fn, args[0]!) ? depth : depth + 1;
          return new OperatorNode(op.op, op.fn, [walk(args[0]!, leftDepth, tower), walk(args[1]!, depth + 1, tower)], op.implicit);
        }
        if (args.length === 1 && UNARY_OPERATORS.has(op.fn)) {
          const inner = walk(args[0]!, depth + 1, tower);
          return op.fn === 'unaryPlus' ? inner : new OperatorNode('-', 'unaryMinus', [inner]);
        }
        return fail('GP_INPUT', `operator '${op.op}': expected one of + - * / ^`, op.op);
      }
      case 'FunctionNode': {
        const fnNode = n as FunctionNode;
        const callee = fnNode.fn as unknown as MathNode;
        if (callee.type !== 'SymbolNode') return fail('GP_INPUT', 'call of an expression: expected a function name before (');
        const written = (callee as SymbolNode).name;
        const name = resolveFunctionName(written);
        const args = fnNode.args as MathNode[];
        if (name === undefined) {
          // mathjs reads `x(4x+6)` as a call of x; a name that is no function is a factor.
          if (args.length === 1 && IDENTIFIER.test(written) && !looksLikeFunctionName(written)) {
            return mul(new SymbolNode(written), walk(args[0]!, depth + 1, tower));
          }
          return fail('GP_INPUT', `unknown function '${written}': expected one of exp, log, ln, sqrt, tanh, sinh, cosh, sech, sigmoid, softplus, swish, mish, abs, relu, max, min, sign`, `${written}(`);
        }
        const rule = functionRule(name)!;
        if (args.length !== rule.arity) {
          fail('GP_INPUT', `${written}: expected ${rule.arity} argument${rule.arity === 1 ? '' : 's'}, got ${args.length}`, `${written}(`);
        }
        const nextTower = name === 'exp' ? tower + 1 : tower;
        return new FunctionNode(new SymbolNode(name), args.map((a) => walk(a, depth + 1, nextTower)));
      }
      default:
        return fail('GP_INPUT', `${describeNodeType(n.type)} is not allowed: expected an arithmetic expression`, FORBIDDEN_MARKS[n.type]);
    }
  };

  const power = (base: MathNode, exponent: MathNode, depth: number, tower: number): MathNode => {
    // mathjs reads `e^x(4x+6)` as e^(x(4x+6)); a person means e^x · (4x+6).
    if (exponent.type === 'FunctionNode') {
      const callee = (exponent as FunctionNode).fn as unknown as MathNode;
      const written = callee.type === 'SymbolNode' ? (callee as SymbolNode).name : '';
      const args = (exponent as FunctionNode).args as MathNode[];
      if (written && resolveFunctionName(written) === undefined && args.length === 1 && !looksLikeFunctionName(written)) {
        return mul(power(base, new SymbolNode(written), depth, tower), walk(args[0]!, depth + 1, tower));
      }
    }
    const b = walk(base, depth + 1, tower);
    const e = walk(exponent, depth + 1, tower + 1);
    if (e.type === 'ConstantNode' && Math.abs((e as ConstantNode).value as number) > limits.maxExponent) {
      fail('GP_LIMIT', `exponent ${(e as ConstantNode).value}: expected at most ${limits.maxExponent} in absolute value`);
    }
    return new OperatorNode('^', 'pow', [b, e]);
  };

  return walk(node, 0, 0);
}

/** Multi-letter names other than parameters are treated as (unknown) functions, not factors. */
function looksLikeFunctionName(name: string): boolean {
  return name.length > 1 && !/^(alpha|beta|gamma|delta|omega|lambda|theta|mu|tau|kappa|[a-z]_?\d*)$/i.test(name);
}

/** The character that usually introduces a forbidden node, to point at it in the message. */
const FORBIDDEN_MARKS: Readonly<Record<string, string>> = { AccessorNode: '.', IndexNode: '[', ArrayNode: '[', ObjectNode: '{', RangeNode: ':', ConditionalNode: '?' };

const ADDITIVE = new Set(['add', 'subtract']);
const MULTIPLICATIVE = new Set(['multiply', 'divide']);

/** True when `child` continues the chain of `fn` (a + b − c, a · b / c). */
function sameChain(fn: string, child: MathNode): boolean {
  if (child.type !== 'OperatorNode') return false;
  const childFn = (child as OperatorNode).fn;
  return (ADDITIVE.has(fn) && ADDITIVE.has(childFn)) || (MULTIPLICATIVE.has(fn) && MULTIPLICATIVE.has(childFn));
}

/** How a non-finite constant was written (NaN, Infinity, 1e309), to find it in the source. */
function numberText(value: unknown, source: string): string | undefined {
  const match = /NaN|Infinity|\d+(?:\.\d*)?e\+?\d{3,}/i.exec(source);
  return match?.[0] ?? (typeof value === 'number' ? String(value) : undefined);
}

function describeNodeType(type: string): string {
  const words: Record<string, string> = {
    AssignmentNode: 'an assignment (=)',
    FunctionAssignmentNode: 'a function definition',
    AccessorNode: 'property access (a.b or a[i])',
    IndexNode: 'indexing',
    ArrayNode: 'a matrix or list',
    ObjectNode: 'an object',
    BlockNode: 'several statements (;)',
    ConditionalNode: 'a conditional (? :)',
    RangeNode: 'a range (:)',
    RelationalNode: 'a comparison',
  };
  return words[type] ?? `a ${type}`;
}
