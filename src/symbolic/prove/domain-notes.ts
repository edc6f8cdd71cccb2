/**
 * Domain notes: points where one side is undefined and the other is not, and removable
 * singularities (Mish(x)/x at x = 0: undefined there, but its limits from both sides equal the
 * other side's value). Candidate points are the simple rational zeros of denominators, log and
 * sqrt arguments that are polynomials in one variable; limits are read at x = r ± 10^{-15} with
 * 40 digits.
 */
import type { FunctionNode, MathNode, OperatorNode } from 'mathjs';
import { decimalAt } from '../evaluate-precise.ts';
import { add, num } from '../node-builders.ts';
import { normalizeAll } from './exp-log-normal-form.ts';
import { asConstant, polyIndeterminates } from './polynomial.ts';
import type { ProofBudget } from './proof-budget.ts';
import type { Assumption, DomainNote } from './proof-result.ts';
import { qAdd, qMul, qPow, rationalFromNumber, ZERO } from './rational-number.ts';
import { satisfies, valueAt } from './witness.ts';

/** Candidate zeros of a denominator, all exact decimals. */
const CANDIDATE_ZEROS = [0, 1, -1, 2, -2, 0.5, -0.5, 3, -3];

/** Distance from the point at which one-sided limits are read. */
const LIMIT_STEP = '1e-15';

/** Digits for the limit evaluation: 25 significant digits survive the 15 lost to the step. */
const LIMIT_DIGITS = 40;

/** One-sided values must agree with the other side to this relative size (the step makes O(1e-15) errors). */
const LIMIT_AGREEMENT = '1e-10';

/** Value of every other variable at a candidate point: generic, so that it hides nothing. */
const GENERIC_VALUE = '0.7';

/** Finds domain notes for the identity a = b. */
export function findDomainNotes(
  a: MathNode, b: MathNode, symbols: readonly string[], assumptions: readonly Assumption[], budget: ProofBudget,
): DomainNote[] {
  const notes: DomainNote[] = [];
  const seen = new Set<string>();
  for (const [variable, at] of candidatePoints(a, b, symbols, budget)) {
    if (budget.remainingMs() < 0) break;
    if (!satisfies(variable, at, assumptions)) continue;
    const point: Record<string, string> = {};
    for (const s of symbols) point[s] = s === variable ? String(at) : GENERIC_VALUE;
    const key = JSON.stringify(point);
    if (seen.has(key)) continue;
    seen.add(key);
    const deadline = Date.now() + budget.remainingMs();
    const va = valueAt(a, point, undefined, deadline);
    const vb = valueAt(b, point, undefined, deadline);
    if (Date.now() > deadline) break;
    if ((va === undefined) === (vb === undefined)) continue;
    const [side, other, otherValue, undefinedNode] = va === undefined ? (['a', 'b', vb!, a] as const) : (['b', 'a', va, b] as const);
    const where = `${variable} = ${at}`;
    const removable = limitsAgree(undefinedNode, point, variable, otherValue.toString(), deadline);
    if (Date.now() > deadline) break; // a value cut short by the deadline must not become a note
    notes.push(removable
      ? { point, kind: 'removable-singularity', side, detail: `${where}: ${side} is undefined, ${other} = ${otherValue.toSignificantDigits(20)}; the limits of ${side} from both sides equal it: a removable singularity` }
      : { point, kind: 'undefined-on-one-side', side, detail: `${where}: ${side} is undefined, ${other} = ${otherValue.toSignificantDigits(20)}` });
  }
  return notes;
}

function limitsAgree(node: MathNode, point: Record<string, string>, variable: string, target: string, deadline: number): boolean {
  const D = decimalAt(LIMIT_DIGITS + 20);
  const t = new D(target);
  const tolerance = D.max(1, t.abs()).times(LIMIT_AGREEMENT);
  for (const step of [LIMIT_STEP, `-${LIMIT_STEP}`]) {
    const near = { ...point, [variable]: new D(point[variable]!).plus(step).toString() };
    const v = valueAt(node, near, LIMIT_DIGITS, deadline);
    if (!v || new D(v.toString()).minus(t).abs().gt(tolerance)) return false;
  }
  return true;
}

/** (variable, value) pairs where a denominator, log or sqrt argument of a or b vanishes. */
function candidatePoints(a: MathNode, b: MathNode, symbols: readonly string[], budget: ProofBudget): [string, number][] {
  const out: [string, number][] = [];
  for (const d of singularSubexpressions(a).concat(singularSubexpressions(b))) {
    let nf;
    try {
      nf = normalizeAll([d], budget, new Set());
    } catch {
      continue;
    }
    const f = nf.forms[0]!;
    if (!asConstant(f.den)) continue;
    const used = [...polyIndeterminates(f.num)];
    if (used.length !== 1) continue;
    const atom = nf.atoms.atoms[used[0]!]!;
    if (atom.kind !== 'variable' || !symbols.includes(atom.name)) continue;
    for (const z of CANDIDATE_ZEROS) {
      let value = ZERO;
      let defined = true;
      for (const t of f.num.values()) {
        const e = t.m.length ? t.m[0]![1] : 0;
        if (z === 0 && e < 0) defined = false;
        else value = qAdd(value, qMul(t.c, qPow(rationalFromNumber(z), e)));
      }
      if (defined && value.n === 0n) out.push([atom.name, z]);
    }
  }
  return out;
}

function singularSubexpressions(node: MathNode): MathNode[] {
  const out: MathNode[] = [];
  node.traverse((n) => {
    if (n.type === 'OperatorNode') {
      const op = n as OperatorNode;
      if (op.fn === 'divide') out.push(op.args[1]!);
      if (op.fn === 'pow') out.push(op.args[0]!);
    } else if (n.type === 'FunctionNode') {
      const f = n as FunctionNode;
      if (['log', 'sqrt'].includes(f.fn.name)) out.push(f.args[0]!);
      if (f.fn.name === 'log1p') out.push(add(f.args[0]!, num(1)));
    }
  });
  return out;
}
