/**
 * Case split for piecewise functions (abs, relu, max, min, sign, heaviside): the real line of a
 * variable is cut at each kink whose argument is linear in that one variable, and in each region
 * every piecewise call is replaced by its branch (the sign of its kink argument is constant there
 * and read at a sample point of the region). Innermost calls first, so nested ones resolve too.
 * Kinks that depend on a parameter or on several variables are not split (`undecided`).
 */
import type { FunctionNode, MathNode } from 'mathjs';
import { functionRule } from '../function-rules.ts';
import { neg, num } from '../node-builders.ts';
import { normalizeAll } from './exp-log-normal-form.ts';
import type { ProofBudget } from './proof-budget.ts';
import { asConstant } from './polynomial.ts';
import { qAdd, qInv, qMul, qNeg, qToString, rational, type Rational } from './rational-number.ts';

/** Most regions one split may produce (2^6: six independent kinks). */
export const MAX_REGIONS = 64;

/** A piecewise function's branch for the sign s of its kink argument (s = 0: at the kink), with its identity. */
interface BranchRule {
  readonly identity: string;
  readonly branch: (args: MathNode[], s: -1 | 0 | 1) => MathNode;
}

/** Branches of the registered piecewise functions, as data. */
export const PIECEWISE_BRANCHES: Readonly<Record<string, BranchRule>> = {
  abs: { identity: '|u| = u for u > 0, −u for u < 0', branch: ([u], s) => (s > 0 ? u! : s < 0 ? neg(u!) : num(0)) },
  relu: { identity: 'ReLU(u) = u for u > 0, 0 for u < 0', branch: ([u], s) => (s > 0 ? u! : num(0)) },
  max: { identity: 'max(a, b) = a for a − b > 0, b for a − b < 0', branch: ([a, b], s) => (s >= 0 ? a! : b!) },
  min: { identity: 'min(a, b) = b for a − b > 0, a for a − b < 0', branch: ([a, b], s) => (s > 0 ? b! : a!) },
  sign: { identity: 'sign(u) = 1 for u > 0, −1 for u < 0, 0 at 0', branch: (_, s) => num(s) },
  heaviside: { identity: 'H(u) = 1 for u > 0, 0 for u < 0, 1/2 at 0', branch: (_, s) => num(s > 0 ? 1 : s < 0 ? 0 : 0.5) },
};

/** An open interval of one variable (undefined ends are infinite). */
export interface Interval {
  readonly lo?: Rational;
  readonly hi?: Rational;
}

/** One region of the split, with both sides' piecewise calls replaced. */
export interface CaseRegion {
  readonly condition: string;
  readonly substitutions: readonly string[];
  readonly a: MathNode;
  readonly b: MathNode;
}

/** The outcome of {@link splitCases}. */
export type CaseSplit =
  | { readonly kind: 'none' }
  | { readonly kind: 'regions'; readonly regions: readonly CaseRegion[]; readonly kinks: readonly { variable: string; at: Rational }[] }
  | { readonly kind: 'undecided'; readonly reason: string };

const isPiecewise = (n: MathNode): boolean => n.type === 'FunctionNode' && functionRule((n as FunctionNode).fn.name)?.kink !== undefined;

/** Piecewise calls with no piecewise call inside their arguments; returns whether `node` contains one. */
function collectInnermost(node: MathNode, out: FunctionNode[]): boolean {
  let inside = false;
  node.forEach((child) => {
    if (collectInnermost(child, out)) inside = true;
  });
  if (!isPiecewise(node)) return inside;
  if (!inside) out.push(node as FunctionNode);
  return true;
}

/** Most substitutions quoted per region in the certificate. */
const MAX_QUOTED_SUBSTITUTIONS = 12;

type LinearKink = { variable?: string; c1: Rational; c0: Rational };

/** Splits a and b into regions where no piecewise call remains, within the intervals `within` (from assumptions). */
export function splitCases(a: MathNode, b: MathNode, budget: ProofBudget, within: ReadonlyMap<string, Interval> = new Map()): CaseSplit {
  const first: FunctionNode[] = [];
  collectInnermost(a, first);
  collectInnermost(b, first);
  if (first.length === 0) return { kind: 'none' };
  const regions: CaseRegion[] = [];
  const kinks = new Map<string, { variable: string; at: Rational }>();
  const analysed = new Map<string, LinearKink | string>();
  const analyse = (call: FunctionNode): LinearKink | string => {
    const key = call.toString();
    let found = analysed.get(key);
    if (found === undefined) {
      found = linearKink(functionRule(call.fn.name)!.kink!.zeroOf(call.args as MathNode[]), budget);
      analysed.set(key, found);
    }
    return found;
  };
  const walk = (x: MathNode, y: MathNode, region: ReadonlyMap<string, Interval>, subs: string[]): string | undefined => {
    budget.tick();
    const calls: FunctionNode[] = [];
    collectInnermost(x, calls);
    collectInnermost(y, calls);
    if (calls.length === 0) {
      regions.push({ condition: describe(region), substitutions: subs, a: x, b: y });
      return regions.length > MAX_REGIONS ? `more than ${MAX_REGIONS} regions` : undefined;
    }
    const replacements = new Map<MathNode, MathNode>();
    const quoted = new Set<string>();
    for (const call of calls) {
      budget.tick();
      const linear = analyse(call);
      if (typeof linear === 'string') return `the kink of ${call.toString()} ${linear}`;
      let s: -1 | 0 | 1;
      if (linear.variable === undefined) s = sign(linear.c0);
      else {
        const v = linear.variable;
        const root = qMul(qNeg(linear.c0), qInv(linear.c1));
        const interval = region.get(v) ?? {};
        if ((!interval.lo || less(interval.lo, root)) && (!interval.hi || less(root, interval.hi))) {
          kinks.set(`${v}=${qToString(root)}`, { variable: v, at: root });
          for (const part of [{ lo: interval.lo, hi: root }, { lo: root, hi: interval.hi }]) {
            const failure = walk(x, y, new Map(region).set(v, part), subs);
            if (failure) return failure;
          }
          return undefined;
        }
        s = sign(qAdd(qMul(linear.c1, samplePoint(interval)), linear.c0));
      }
      const branch = PIECEWISE_BRANCHES[call.fn.name]?.branch(call.args as MathNode[], s);
      if (!branch) return `${call.fn.name} has no branch rule`;
      replacements.set(call, branch);
      if (quoted.size < MAX_QUOTED_SUBSTITUTIONS) quoted.add(`${call.toString()} = ${branch.toString()}`);
    }
    const replace = (n: MathNode) => n.transform((m) => replacements.get(m) ?? m);
    return walk(replace(x), replace(y), region, [...subs, ...quoted]);
  };
  const failure = walk(a, b, within, []);
  if (failure) return { kind: 'undecided', reason: failure };
  return { kind: 'regions', regions, kinks: [...kinks.values()] };
}

/** c1·v + c0 for the kink expression, or why it cannot be split. */
function linearKink(expr: MathNode, budget: ProofBudget): { variable?: string; c1: Rational; c0: Rational } | string {
  const nf = normalizeAll([expr], budget, new Set());
  const f = nf.forms[0]!;
  const den = asConstant(f.den);
  if (!den) return 'is not linear in one variable';
  let variable: string | undefined;
  let c1: Rational = rational(0n);
  let c0: Rational = rational(0n);
  for (const t of f.num.values()) {
    const c = qMul(t.c, qInv(den));
    if (t.m.length === 0) c0 = c;
    else if (t.m.length === 1 && t.m[0]![1] === 1) {
      const atom = nf.atoms.atoms[t.m[0]![0]]!;
      if (atom.kind !== 'variable') return 'is not linear in one variable';
      if (variable !== undefined && variable !== atom.name) return 'depends on several variables or parameters';
      variable = atom.name;
      c1 = c;
    } else return 'is not linear in one variable (a parameter-dependent kink is not split)';
  }
  return variable === undefined ? { c1, c0 } : { variable, c1, c0 };
}

const less = (p: Rational, q: Rational): boolean => p.n * q.d < q.n * p.d;
const sign = (p: Rational): -1 | 0 | 1 => (p.n > 0n ? 1 : p.n < 0n ? -1 : 0);

function samplePoint(i: Interval): Rational {
  if (i.lo && i.hi) return qMul(qAdd(i.lo, i.hi), rational(1n, 2n));
  if (i.lo) return qAdd(i.lo, rational(1n));
  if (i.hi) return qAdd(i.hi, rational(-1n));
  return rational(0n);
}

function describe(region: ReadonlyMap<string, Interval>): string {
  const parts = [...region].map(([v, i]) =>
    i.lo && i.hi ? `${qToString(i.lo)} < ${v} < ${qToString(i.hi)}` : i.lo ? `${v} > ${qToString(i.lo)}` : i.hi ? `${v} < ${qToString(i.hi)}` : `${v} real`);
  return parts.length ? parts.join(', ') : 'everywhere';
}

