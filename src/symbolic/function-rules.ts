/**
 * The registry of functions gradproof understands: the whitelist for parsing, the derivative
 * rule of each, its TeX, and its rewriting into exponentials and logarithms (used by the prover).
 *
 * A rule is data. Adding a function means adding one entry here; nothing else switches on names.
 */
import type { MathNode } from 'mathjs';
import { add, call, div, mul, neg, num, pow, sub } from './node-builders.ts';

/** Where a function is not differentiable, as a condition on its arguments. */
export interface KinkRule {
  /** Human description, e.g. "u = 0". */
  readonly where: string;
  /** The expression that is zero at the kink (of the arguments). */
  readonly zeroOf: (args: MathNode[]) => MathNode;
}

/** One known function. */
export interface FunctionRule {
  /** Name as written in mathjs text and stored in `FunctionNode`s. */
  readonly name: string;
  /** Number of arguments. */
  readonly arity: number;
  /** TeX of a call, given the TeX of its arguments. */
  readonly tex: (args: string[]) => string;
  /**
   * Partial derivatives with respect to each argument (same length as arity), as expressions of
   * the arguments. The chain rule is applied by the deriver. Omitted for macros (see `expand`).
   */
  readonly partials?: (args: MathNode[]) => MathNode[];
  /**
   * The same function written with exp, log, arithmetic and other registered functions, for the
   * prover (and for differentiating macros such as `swish`). Omitted for primitives.
   */
  readonly expand?: (args: MathNode[]) => MathNode;
  /** Present for piecewise functions: where the kink is. Their partials hold away from it. */
  readonly kink?: KinkRule;
  /** One line on the mathematics, shown in documentation. */
  readonly identity: string;
}

const paren = (s: string): string => `\\left(${s}\\right)`;
const named = (n: string) => (a: string[]) => `\\operatorname{${n}}${paren(a.join(', '))}`;
const builtin = (n: string) => (a: string[]) => `\\${n}${paren(a.join(', '))}`;

const RULES: readonly FunctionRule[] = [
  { name: 'exp', arity: 1, tex: ([a]) => `e^{${a}}`, partials: ([u]) => [call('exp', u)], identity: "exp' = exp" },
  { name: 'log', arity: 1, tex: builtin('ln'), partials: ([u]) => [div(num(1), u)], identity: "ln'(u) = 1/u (natural log)" },
  {
    name: 'log1p', arity: 1, tex: ([a]) => `\\ln${paren(`1 + ${a}`)}`,
    partials: ([u]) => [div(num(1), add(num(1), u))], expand: ([u]) => call('log', add(num(1), u)),
    identity: 'log1p(u) = ln(1 + u)',
  },
  {
    name: 'sqrt', arity: 1, tex: ([a]) => `\\sqrt{${a}}`,
    partials: ([u]) => [div(num(1), mul(num(2), call('sqrt', u)))], identity: "sqrt'(u) = 1/(2 sqrt(u))",
  },
  {
    name: 'tanh', arity: 1, tex: builtin('tanh'), partials: ([u]) => [pow(call('sech', u), num(2))],
    expand: ([u]) => div(sub(call('exp', mul(num(2), u)), num(1)), add(call('exp', mul(num(2), u)), num(1))),
    identity: 'tanh u = (e^{2u} − 1)/(e^{2u} + 1); tanh′ = sech²',
  },
  {
    name: 'sinh', arity: 1, tex: builtin('sinh'), partials: ([u]) => [call('cosh', u)],
    expand: ([u]) => div(sub(call('exp', u), call('exp', neg(u))), num(2)), identity: 'sinh u = (e^u − e^{−u})/2',
  },
  {
    name: 'cosh', arity: 1, tex: builtin('cosh'), partials: ([u]) => [call('sinh', u)],
    expand: ([u]) => div(add(call('exp', u), call('exp', neg(u))), num(2)), identity: 'cosh u = (e^u + e^{−u})/2',
  },
  {
    name: 'sech', arity: 1, tex: named('sech'), partials: ([u]) => [neg(mul(call('sech', u), call('tanh', u)))],
    expand: ([u]) => div(num(2), add(call('exp', u), call('exp', neg(u)))), identity: 'sech u = 2/(e^u + e^{−u})',
  },
  {
    name: 'sigmoid', arity: 1, tex: ([a]) => `\\sigma${paren(a)}`,
    partials: ([u]) => [mul(call('sigmoid', u), sub(num(1), call('sigmoid', u)))],
    expand: ([u]) => div(num(1), add(num(1), call('exp', neg(u)))), identity: 'σ(u) = 1/(1 + e^{−u}); σ′ = σ(1 − σ)',
  },
  {
    name: 'softplus', arity: 1, tex: named('softplus'), partials: ([u]) => [call('sigmoid', u)],
    expand: ([u]) => call('log', add(num(1), call('exp', u))), identity: 'softplus u = ln(1 + e^u); softplus′ = σ',
  },
  {
    name: 'swish', arity: 1, tex: named('Swish'), expand: ([u]) => mul(u, call('sigmoid', u)),
    identity: 'Swish u = u σ(u)',
  },
  {
    name: 'mish', arity: 1, tex: named('Mish'), expand: ([u]) => mul(u, call('tanh', call('softplus', u))),
    identity: 'Mish u = u tanh(softplus u)',
  },
  {
    name: 'abs', arity: 1, tex: ([a]) => `\\left|${a}\\right|`, partials: ([u]) => [call('sign', u)],
    kink: { where: 'u = 0', zeroOf: ([u]) => u }, identity: "|u|′ = sign u for u ≠ 0; kink at 0",
  },
  {
    name: 'relu', arity: 1, tex: named('ReLU'), partials: ([u]) => [call('heaviside', u)],
    kink: { where: 'u = 0', zeroOf: ([u]) => u }, identity: "ReLU u = max(0, u); ReLU′ = H(u) for u ≠ 0; kink at 0",
  },
  {
    name: 'max', arity: 2, tex: builtin('max'),
    partials: ([a, b]) => [call('heaviside', sub(a, b)), call('heaviside', sub(b, a))],
    kink: { where: 'a = b', zeroOf: ([a, b]) => sub(a, b) }, identity: 'max(a, b): ∂a = H(a − b), ∂b = H(b − a); kink at a = b',
  },
  {
    name: 'min', arity: 2, tex: builtin('min'),
    partials: ([a, b]) => [call('heaviside', sub(b, a)), call('heaviside', sub(a, b))],
    kink: { where: 'a = b', zeroOf: ([a, b]) => sub(a, b) }, identity: 'min(a, b): ∂a = H(b − a), ∂b = H(a − b); kink at a = b',
  },
  {
    name: 'sign', arity: 1, tex: named('sign'), partials: () => [num(0)],
    kink: { where: 'u = 0', zeroOf: ([u]) => u }, identity: 'sign u ∈ {−1, 0, 1}; derivative 0 for u ≠ 0',
  },
  {
    name: 'heaviside', arity: 1, tex: ([a]) => `H${paren(a)}`, partials: () => [num(0)],
    kink: { where: 'u = 0', zeroOf: ([u]) => u }, identity: 'H(u) = 1 for u > 0, 0 for u < 0; derivative 0 for u ≠ 0',
  },
];

const BY_NAME: ReadonlyMap<string, FunctionRule> = new Map(RULES.map((r) => [r.name, r]));

/** The rule for `name`, or undefined when gradproof does not know that function. */
export function functionRule(name: string): FunctionRule | undefined {
  return BY_NAME.get(name);
}

/** Every registered function, in registry order. */
export function functionRules(): readonly FunctionRule[] {
  return RULES;
}

/** Symbols that are constants, never variables: Euler's number and π. */
export const CONSTANT_SYMBOLS: ReadonlyMap<string, number> = new Map([
  ['e', Math.E],
  ['pi', Math.PI],
]);
