/**
 * Symbolic differentiation of whitelisted expressions, driven by the function registry
 * (`function-rules.ts`): sum, product, quotient, power and chain rules, each application
 * recorded as a step so the site can show how a derivative was obtained.
 *
 * Piecewise functions (abs, relu, max, …) differentiate to their one-sided rules (sign,
 * heaviside), which hold away from the kink; the kink itself is reported by `kinksOf`, never
 * smoothed over.
 */
import { FunctionNode, OperatorNode, SymbolNode, type ConstantNode, type MathNode } from 'mathjs';
import { GradproofError } from './error.ts';
import { functionRule } from './function-rules.ts';
import { add, call, div, mul, neg, num, pow, sub } from './node-builders.ts';
import { tidy } from './tidy.ts';

/** One rule application in a derivation, outermost first. */
export interface DerivationStep {
  /** e.g. "product rule", "chain rule (tanh)", "power rule". */
  readonly rule: string;
  /** The sub-expression it was applied to, as text. */
  readonly on: string;
}

/** Options of {@link derive}. */
export interface DeriveOptions {
  /** When given, receives each rule application. */
  readonly steps?: DerivationStep[];
}

/**
 * d node / d variable, tidied.
 *
 * @example
 * derive(parseExpression('x*sigmoid(x)'), 'x').toString()
 * // "sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x))"
 */
export function derive(node: MathNode, variable: string, options: DeriveOptions = {}): MathNode {
  return tidy(d(node, variable, options.steps));
}

function dependsOn(node: MathNode, variable: string): boolean {
  let found = false;
  node.traverse((n) => {
    if (n.type === 'SymbolNode' && (n as SymbolNode).name === variable) found = true;
  });
  return found;
}

function d(node: MathNode, v: string, steps?: DerivationStep[]): MathNode {
  const record = (rule: string) => steps?.push({ rule, on: node.toString() });
  switch (node.type) {
    case 'ConstantNode':
      return num(0);
    case 'SymbolNode':
      return num((node as SymbolNode).name === v ? 1 : 0);
    case 'ParenthesisNode':
      return d((node as unknown as { content: MathNode }).content, v, steps);
    case 'OperatorNode':
      return dOperator(node as OperatorNode, v, record, steps);
    case 'FunctionNode':
      return dFunction(node as FunctionNode, v, record, steps);
    default:
      throw new GradproofError('GP_INTERNAL', `derive: unexpected ${node.type}; expressions must pass sanitizeNode first`);
  }
}

function dOperator(op: OperatorNode, v: string, record: (rule: string) => void, steps?: DerivationStep[]): MathNode {
  const args = op.args as MathNode[];
  const [a, b] = args as [MathNode, MathNode];
  switch (op.fn) {
    case 'unaryMinus':
      return neg(d(a, v, steps));
    case 'unaryPlus':
      return d(a, v, steps);
    case 'add':
      return add(d(a, v, steps), d(b, v, steps));
    case 'subtract':
      return sub(d(a, v, steps), d(b, v, steps));
    case 'multiply': {
      if (!dependsOn(a, v)) return mul(a, d(b, v, steps));
      if (!dependsOn(b, v)) return mul(d(a, v, steps), b);
      record('product rule');
      return add(mul(d(a, v, steps), b), mul(a, d(b, v, steps)));
    }
    case 'divide': {
      if (!dependsOn(b, v)) return div(d(a, v, steps), b);
      record('quotient rule');
      return div(sub(mul(d(a, v, steps), b), mul(a, d(b, v, steps))), pow(b, num(2)));
    }
    case 'pow': {
      const baseIsE = a.type === 'SymbolNode' && (a as SymbolNode).name === 'e';
      if (!dependsOn(b, v)) {
        record('power rule');
        const n = b.type === 'ConstantNode' ? num(((b as ConstantNode).value as number) - 1) : sub(b, num(1));
        return mul(mul(b, pow(a, n)), d(a, v, steps));
      }
      if (baseIsE) {
        record('chain rule (exp)');
        return mul(op, d(b, v, steps));
      }
      record('power rule (general: u^w = e^{w ln u})');
      return mul(op, add(mul(d(b, v, steps), call('log', a)), div(mul(b, d(a, v, steps)), a)));
    }
    default:
      throw new GradproofError('GP_INTERNAL', `derive: unexpected operator ${op.fn}`);
  }
}

function dFunction(f: FunctionNode, v: string, record: (rule: string) => void, steps?: DerivationStep[]): MathNode {
  const name = (f.fn as unknown as SymbolNode).name;
  const rule = functionRule(name);
  if (!rule) throw new GradproofError('GP_INPUT', `derive: unknown function '${name}'`);
  const args = f.args as MathNode[];
  if (!rule.partials) {
    record(`definition of ${name}`);
    return d(rule.expand!(args), v, steps);
  }
  const partials = rule.partials(args);
  const terms: MathNode[] = [];
  args.forEach((arg, i) => {
    if (!dependsOn(arg, v)) return;
    const inner = d(arg, v, steps);
    terms.push(arg.type === 'SymbolNode' ? partials[i]! : mul(partials[i]!, inner));
  });
  if (terms.length === 0) return num(0);
  record(args.some((arg) => arg.type !== 'SymbolNode') ? `chain rule (${name})` : `derivative of ${name}`);
  return terms.length === 1 ? terms[0]! : add(...terms);
}

/** Differentiates `order` times. */
export function deriveN(node: MathNode, variable: string, order: number, options: DeriveOptions = {}): MathNode {
  let result = node;
  for (let i = 0; i < order; i++) result = derive(result, variable, options);
  return result;
}

/** Rebuilds a node with every function call of `name` replaced by `replacement(args)`. */
export function replaceCalls(node: MathNode, name: string, replacement: (args: MathNode[]) => MathNode): MathNode {
  return node.transform((n) => {
    if (n.type === 'FunctionNode' && ((n as FunctionNode).fn as unknown as SymbolNode).name === name) {
      return replacement(((n as FunctionNode).args as MathNode[]).map((a) => replaceCalls(a, name, replacement)));
    }
    return n;
  });
}

