/**
 * The exp/log normal form: an expression of exp, log, arithmetic and registered functions, as one
 * rational function with exact rational coefficients in the indeterminates of the proof.
 *
 * Method: registered functions are rewritten by their `expand` rule (tanh u = (e^{2u} − 1)/(e^{2u} + 1),
 * σ(u) = 1/(1 + e^{−u}), softplus u = ln(1 + e^u), …); e^u becomes exp(u); an exponent u is brought to
 * normal form first and, when it is a polynomial Σ c_j m_j, exp(u) = Π (e^{m_j/q_j})^{c_j q_j} with
 * one indeterminate t_j = e^{m_j/q_j} per monomial m_j (q_j the lcm of the denominators of its
 * coefficients, found by restarting when a new one appears); so e^{2x} = t², e^{−x} = t^{−1} and
 * e^{x/2} = t with t² = e^x. exp(n ln P) = P^n. A logarithm of c·Π f_i^{k_i} splits into
 * ln c + Σ k_i ln f_i when every f_i is provably positive (positive coefficients in positive
 * indeterminates), ln e^u = u, and each remaining ln f_i is an indeterminate L_i; otherwise the
 * whole logarithm is one indeterminate. Subexpressions outside the fragment (sqrt of a sign-unknown
 * argument, piecewise functions that were not split) become unknowns s_i, which keeps proofs sound.
 */
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { functionRule } from '../function-rules.ts';
import { call, sym } from '../node-builders.ts';
import { toTex } from '../to-tex.ts';
import { EXP_LOG_RULES, type ExpLogRule } from './exp-log-rules.ts';
import { Indeterminates } from './indeterminates.ts';
import { logOfPolynomial } from './log-of-polynomial.ts';
import { logOfPositiveRational } from './log-of-rational.ts';
import { asConstant, monomialKey, sortedTerms, type Monomial } from './polynomial.ts';
import { BudgetExceeded, MAX_MONOMIAL_DEGREE, type ProofBudget } from './proof-budget.ts';
import {
  constantFn, constantOf, fnAdd, fnDiv, fnKey, fnMul, fnNeg, fnPow, fnSub, monomialFn, type RationalFunction,
} from './rational-function.ts';
import { lcm, ONE, qInv, qIsInteger, qMul, qNeg, qPow, rational, rationalFromNumber, ZERO, type Rational } from './rational-number.ts';

/** How often the normaliser may restart to widen an exponent denominator (e^{x/2}, e^{x/3}, …). */
const MAX_RESTARTS = 8;

class Restart extends Error {
  constructor(readonly key: string, readonly q: number) {
    super('restart');
  }
}

/** A factor of a logarithm's argument: a rational function or e^u, to the power k. */
type LogFactor = { readonly fn: RationalFunction; readonly k: number } | { readonly exponent: RationalFunction; readonly k: number };

/** The result of normalising several expressions in one set of indeterminates. */
export interface NormalForms {
  readonly atoms: Indeterminates;
  readonly forms: RationalFunction[];
  /** Rules of the normal form and identities of registered functions that were applied. */
  readonly rulesUsed: ReadonlyMap<string, ExpLogRule | { id: string; identity: string; tex: string }>;
}

/**
 * Normalises `nodes` in one shared set of indeterminates.
 * @param positiveVariables variables known to be positive (from assumptions), so ln x splits.
 */
export function normalizeAll(nodes: readonly MathNode[], budget: ProofBudget, positiveVariables: ReadonlySet<string>, trace?: string[]): NormalForms {
  const denominators = new Map<string, number>();
  for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
    const normalizer = new ExpLogNormalizer(budget, positiveVariables, denominators, trace);
    try {
      const forms = nodes.map((n) => normalizer.toFn(n));
      return { atoms: normalizer.atoms, forms, rulesUsed: normalizer.rulesUsed };
    } catch (error) {
      if (!(error instanceof Restart)) throw error;
      trace?.push(`restart: exponent monomial ${error.key} needs denominator ${error.q}`);
      denominators.set(error.key, error.q);
    }
  }
  throw new BudgetExceeded(`exponent denominators kept growing after ${MAX_RESTARTS} restarts`);
}

class ExpLogNormalizer {
  readonly atoms = new Indeterminates();
  readonly rulesUsed = new Map<string, ExpLogRule | { id: string; identity: string; tex: string }>();

  constructor(
    private readonly budget: ProofBudget,
    private readonly positiveVariables: ReadonlySet<string>,
    private readonly denominators: ReadonlyMap<string, number>,
    private readonly trace?: string[],
  ) {}

  private use(rule: ExpLogRule | { id: string; identity: string; tex: string }, detail?: string): void {
    this.rulesUsed.set(rule.id, rule);
    if (this.trace && detail) this.trace.push(`${rule.id}: ${detail}`);
  }

  toFn(node: MathNode): RationalFunction {
    this.budget.tick();
    switch (node.type) {
      case 'ConstantNode':
        return constantFn(rationalFromNumber((node as ConstantNode).value as number));
      case 'SymbolNode':
        return this.symbol((node as SymbolNode).name);
      case 'ParenthesisNode':
        return this.toFn((node as unknown as { content: MathNode }).content);
      case 'OperatorNode':
        return this.operator(node as OperatorNode);
      case 'FunctionNode':
        return this.call(node as FunctionNode);
      default:
        return this.opaque(node, `${node.type} outside the exp/log fragment`);
    }
  }

  private symbol(name: string): RationalFunction {
    if (name === 'e') return this.exp(constantFn(ONE));
    const positive = name === 'pi' || this.positiveVariables.has(name);
    return monomialFn([[this.atoms.intern(`var:${name}`, () => ({ kind: 'variable', name, positive })), 1]]);
  }

  private operator(op: OperatorNode): RationalFunction {
    const args = op.args as MathNode[];
    if (args.length === 1) return op.fn === 'unaryMinus' ? fnNeg(this.toFn(args[0]!)) : this.toFn(args[0]!);
    const [a, b] = args as [MathNode, MathNode];
    switch (op.fn) {
      case 'add': return fnAdd(this.toFn(a), this.toFn(b), this.budget);
      case 'subtract': return fnSub(this.toFn(a), this.toFn(b), this.budget);
      case 'multiply': return fnMul(this.toFn(a), this.toFn(b), this.budget);
      case 'divide': return fnDiv(this.toFn(a), this.toFn(b), this.budget);
      case 'pow':
        if (isE(a)) {
          this.use(EXP_LOG_RULES.ePower);
          return this.exp(this.toFn(b));
        }
        return this.power(a, this.toFn(b));
      default:
        return this.opaque(op, `operator ${op.op} outside the exp/log fragment`);
    }
  }

  private call(node: FunctionNode): RationalFunction {
    const name = (node.fn as unknown as SymbolNode).name;
    const args = node.args as MathNode[];
    if (name === 'exp') return this.exp(this.toFn(args[0]!));
    if (name === 'log') return this.log(args[0]!);
    if (name === 'sqrt') return this.power(args[0]!, constantFn(rational(1n, 2n)));
    const rule = functionRule(name);
    if (rule?.expand) {
      this.use({ id: `expand:${name}`, identity: rule.identity, tex: expansionTex(name) }, node.toString());
      return this.toFn(rule.expand(args));
    }
    const keys = args.map((a) => fnKey(this.toFn(a)));
    const why = rule?.kink ? `${name} is piecewise and was not split into cases` : `${name} outside the exp/log fragment`;
    return monomialFn([[this.atoms.intern(`call:${name}(${keys.join(',')})`, () => ({ kind: 'opaque', node, why })), 1]]);
  }

  private opaque(node: MathNode, why: string): RationalFunction {
    this.use(EXP_LOG_RULES.opaque, node.toString());
    return monomialFn([[this.atoms.intern(`opaque:${node.toString()}`, () => ({ kind: 'opaque', node, why })), 1]]);
  }

  /** exp(u) for u in normal form. */
  exp(u: RationalFunction): RationalFunction {
    const den = asConstant(u.den);
    if (den === undefined) {
      const i = this.atoms.intern(`expo:${fnKey(u)}`, () => ({ kind: 'exp-opaque', exponent: u }));
      return monomialFn([[i, 1]]);
    }
    const scale = qInv(den);
    let result = constantFn(ONE);
    if (u.num.size > 1) this.use(EXP_LOG_RULES.expSum);
    for (const term of sortedTerms(u.num)) result = fnMul(result, this.expTerm(qMul(term.c, scale), term.m), this.budget);
    return result;
  }

  private expTerm(c: Rational, m: Monomial): RationalFunction {
    const only = m.length === 1 && m[0]![1] === 1 ? this.atoms.atoms[m[0]![0]] : undefined;
    if (only?.kind === 'log') {
      const n = floorDiv(c.n, c.d);
      this.use(EXP_LOG_RULES.expLog);
      checkDegree(n);
      const base = fnPow(only.arg, Number(n), this.budget);
      const frac = rational(c.n - n * c.d, c.d);
      return frac.n === 0n ? base : fnMul(base, this.expAtomPower(frac, m), this.budget);
    }
    return this.expAtomPower(c, m);
  }

  private expAtomPower(c: Rational, m: Monomial): RationalFunction {
    const key = monomialKey(m);
    const q = this.denominators.get(key) ?? 1;
    const k = qMul(c, rational(BigInt(q)));
    if (!qIsInteger(k)) throw new Restart(key, Number(lcm(BigInt(q), k.d)));
    this.use(EXP_LOG_RULES.expMultiple);
    checkDegree(k.n);
    const i = this.atoms.intern(`exp:${key}`, () => ({ kind: 'exp', exponent: m, q }));
    return monomialFn([[i, Number(k.n)]]);
  }

  /** ln of the expression `arg`. */
  private log(arg: MathNode): RationalFunction {
    const split = this.logOfFactors(this.factorsOf(arg, 1));
    if (split) return split;
    const whole = this.toFn(arg);
    const i = this.atoms.intern(`log*:${fnKey(whole)}`, () => ({ kind: 'log', arg: whole, positive: false }));
    return monomialFn([[i, 1]]);
  }

  private factorsOf(node: MathNode, k: number): LogFactor[] {
    if (node.type === 'ParenthesisNode') return this.factorsOf((node as unknown as { content: MathNode }).content, k);
    if (isE(node)) return [{ exponent: constantFn(ONE), k }];
    if (node.type === 'FunctionNode' && (node as FunctionNode).fn.name === 'exp') return [{ exponent: this.toFn((node as FunctionNode).args[0]!), k }];
    if (node.type === 'OperatorNode') {
      const op = node as OperatorNode;
      const [a, b] = op.args as MathNode[];
      if (op.fn === 'multiply') return [...this.factorsOf(a!, k), ...this.factorsOf(b!, k)];
      if (op.fn === 'divide') return [...this.factorsOf(a!, k), ...this.factorsOf(b!, -k)];
      if (op.fn === 'unaryMinus') return [{ fn: constantFn(qNeg(ONE)), k }, ...this.factorsOf(a!, k)];
      if (op.fn === 'pow') {
        if (isE(a!)) return [{ exponent: this.toFn(b!), k }];
        const n = constantOf(this.toFn(b!));
        if (n && qIsInteger(n) && Math.abs(Number(n.n)) <= MAX_MONOMIAL_DEGREE) return this.factorsOf(a!, k * Number(n.n));
      }
    }
    return [{ fn: this.toFn(node), k }];
  }

  /** ln Π factors when every factor is provably positive (or e^u), else undefined. */
  private logOfFactors(factors: LogFactor[]): RationalFunction | undefined {
    let total = constantFn(ZERO);
    let c: Rational = ONE;
    for (const f of factors) {
      const k = rational(BigInt(f.k));
      if ('exponent' in f) {
        this.use(EXP_LOG_RULES.logExp);
        total = fnAdd(total, fnMul(constantFn(k), f.exponent, this.budget), this.budget);
        continue;
      }
      for (const [poly, sign] of [[f.fn.num, 1], [f.fn.den, -1]] as const) {
        const part = logOfPolynomial(poly, this.atoms, this.budget);
        if (!part) return undefined;
        c = qMul(c, qPow(part.constant, f.k * sign));
        total = fnAdd(total, fnMul(constantFn(qMul(k, rational(BigInt(sign)))), part.logs, this.budget), this.budget);
      }
    }
    if (c.n <= 0n) return undefined;
    if (factors.length > 1) this.use(EXP_LOG_RULES.logProduct);
    const logC = logOfPositiveRational(c);
    for (const [p, e] of logC) {
      const i = this.atoms.intern(`logp:${p}`, () => ({ kind: 'log', arg: constantFn(rational(p)), positive: false }));
      total = fnAdd(total, monomialFn([[i, 1]], rational(BigInt(e))), this.budget);
    }
    return total;
  }

  /** base^v: exp(v ln base) when base is provably positive, base^n for integer n, else an unknown. */
  private power(base: MathNode, v: RationalFunction): RationalFunction {
    const n = constantOf(v);
    if (n && qIsInteger(n)) {
      checkDegree(n.n);
      return fnPow(this.toFn(base), Number(n.n), this.budget);
    }
    const logBase = this.logOfFactors(this.factorsOf(base, 1));
    if (logBase) {
      this.use(EXP_LOG_RULES.powerExp);
      return this.exp(fnMul(v, logBase, this.budget));
    }
    const why = n ? 'a fractional power (sqrt) of an argument not known to be positive is outside the exp/log fragment' : 'a power with a variable exponent of a base not known to be positive';
    this.use(EXP_LOG_RULES.opaque);
    const key = `pow:${fnKey(this.toFn(base))}^${fnKey(v)}`;
    return monomialFn([[this.atoms.intern(key, () => ({ kind: 'opaque', node: base, why })), 1]]);
  }
}

/** TeX of a registered function's expansion, e.g. \sigma(u) = \frac{1}{1+e^{-u}}. */
function expansionTex(name: string): string {
  const u = sym('u');
  const rule = functionRule(name)!;
  return `${toTex(call(name, u))} = ${toTex(rule.expand!([u]))}`;
}

function isE(node: MathNode): boolean {
  return node.type === 'SymbolNode' && (node as SymbolNode).name === 'e';
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && (n < 0n) !== (d < 0n) ? q - 1n : q;
}

function checkDegree(n: bigint): void {
  if (n > BigInt(MAX_MONOMIAL_DEGREE) || n < -BigInt(MAX_MONOMIAL_DEGREE)) throw new BudgetExceeded(`an exponent of ${n} is past ${MAX_MONOMIAL_DEGREE}`);
}
