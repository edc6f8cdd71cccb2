/**
 * The search for a witness: a point where both sides are defined and differ clearly, computed at
 * high precision (45 digits), simple points first (small integers, then halves and quarters,
 * then pseudo-random decimals). Float overflow never makes a witness: values are decimal.
 */
import type { BigNumber, MathNode } from 'mathjs';
import { decimalAt, evaluatePrecise, evaluateWithMagnitude, GUARD_DIGITS } from '../evaluate-precise.ts';
import type { Assumption, Witness } from './proof-result.ts';
import type { ProofBudget } from './proof-budget.ts';

/** Digits of the values in a witness (the issue asks for at least 40). */
export const WITNESS_DIGITS = 45;

/** A difference counts when it exceeds this many digits below the values' size: 30 of 45 digits agree at most. */
const AGREEING_DIGITS = 30;

/** Simple coordinates, tried first, all exact decimals. */
const SIMPLE_VALUES = ['1', '-1', '2', '-2', '0.5', '-0.5', '3', '-3', '0', '1.5', '-1.5', '0.25', '-0.25', '5', '-5', '2.5', '-2.5', '0.1', '-0.75', '4'];

/** Default number of points tried. */
export const DEFAULT_WITNESS_POINTS = 40;

/** Outcome of a search. */
export interface WitnessSearch {
  readonly witness?: Witness;
  /** Points where both sides were defined (and agreed, when no witness). */
  readonly agreed: number;
  readonly tried: number;
}

/** True when `value` satisfies every assumption on `variable`. */
export function satisfies(variable: string, value: number, assumptions: readonly Assumption[]): boolean {
  return assumptions.every((a) => {
    if (a.variable !== variable) return true;
    switch (a.relation) {
      case '>': return value > a.value;
      case '>=': return value >= a.value;
      case '<': return value < a.value;
      case '<=': return value <= a.value;
    }
  });
}

/** Candidate points: tuples of simple values by increasing complexity, then seeded pseudo-random decimals. */
export function* candidatePoints(variables: readonly string[], assumptions: readonly Assumption[]): Generator<Record<string, string>> {
  const ok = (v: string, s: string) => satisfies(v, Number(s), assumptions);
  const pools = variables.map((v) => SIMPLE_VALUES.filter((s) => ok(v, s)).concat(assumptionValues(v, assumptions)));
  const n = variables.length;
  if (n === 0) {
    yield {};
    return;
  }
  const seen = new Set<string>();
  for (let level = 0; level < 8; level++) {
    const idx = new Array<number>(n).fill(0);
    for (;;) {
      if (Math.max(...idx) === level) {
        const point: Record<string, string> = {};
        let valid = true;
        variables.forEach((v, k) => {
          const s = pools[k]![idx[k]!];
          if (s === undefined) valid = false;
          else point[v] = s;
        });
        const key = JSON.stringify(point);
        if (valid && !seen.has(key)) {
          seen.add(key);
          yield point;
        }
      }
      let k = 0;
      while (k < n && ++idx[k]! > level) idx[k++] = 0;
      if (k === n) break;
    }
  }
  let seed = 20260127;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (;;) {
    const point: Record<string, string> = {};
    for (const v of variables) {
      let value = '';
      for (let tries = 0; tries < 50 && value === ''; tries++) {
        const s = ((next() - 0.5) * 12).toFixed(3);
        if (ok(v, s)) value = s;
      }
      point[v] = value === '' ? (assumptionValues(v, assumptions)[0] ?? '1') : value;
    }
    yield point;
  }
}

function assumptionValues(variable: string, assumptions: readonly Assumption[]): string[] {
  return assumptions.filter((a) => a.variable === variable).map((a) => String(a.relation.startsWith('>') ? a.value + 1 : a.value - 1));
}

/** Evaluates `node` at `point`; undefined where it is undefined or not finite, or when a symbol is missing. */
export function valueAt(node: MathNode, point: Readonly<Record<string, string>>, digits = WITNESS_DIGITS, deadline?: number): BigNumber | undefined {
  try {
    const v = evaluatePrecise(node, point, { digits, ...(deadline === undefined ? {} : { deadline }) });
    return v.isFinite() ? v : undefined;
  } catch {
    return undefined;
  }
}

/** True when a and b differ by more than rounding at `digits` could explain. */
export function clearlyDiffer(a: BigNumber, b: BigNumber): boolean {
  const D = decimalAt(WITNESS_DIGITS + GUARD_DIGITS);
  const scale = D.max(1, a.abs() as never, b.abs() as never);
  return a.minus(b).abs().gt(scale.times(`1e-${AGREEING_DIGITS}`) as never);
}

/** Most digits an evaluation may use; a point needing more (huge cancellation) is skipped. */
const MAX_DIGITS_AT_POINT = 1000;

/** Extra digits of the confirming evaluation: a difference that changes with them is not real. */
const CONFIRM_EXTRA_DIGITS = WITNESS_DIGITS;

/**
 * The value of `node` at `point` to 45 correct digits: evaluated once, and again with every digit
 * lost to cancellation added back (e^{1000} + x − e^{1000} needs 434 more); undefined where the
 * expression is undefined or would need more than 1000 digits.
 */
function accurateValue(node: MathNode, point: Readonly<Record<string, string>>, deadline: number, extra = 0): { value: BigNumber; digits: number } | undefined {
  try {
    const first = evaluateWithMagnitude(node, point, { digits: WITNESS_DIGITS + extra, deadline });
    if (!first.value.isFinite()) return undefined;
    const resultExponent = first.value.isZero() ? -WITNESS_DIGITS : (first.value as unknown as { e: number }).e;
    const lost = Math.max(0, first.largestExponent - resultExponent);
    if (lost === 0) return { value: first.value, digits: WITNESS_DIGITS + extra };
    const digits = WITNESS_DIGITS + extra + lost + GUARD_DIGITS;
    if (digits > MAX_DIGITS_AT_POINT) return undefined;
    const again = evaluatePrecise(node, point, { digits, deadline });
    return again.isFinite() ? { value: again, digits } : undefined;
  } catch {
    return undefined;
  }
}

/** Searches for a point where `a` and `b` are both defined and clearly differ. */
export function findWitness(
  a: MathNode, b: MathNode, variables: readonly string[], assumptions: readonly Assumption[], budget: ProofBudget,
  maxPoints = DEFAULT_WITNESS_POINTS,
): WitnessSearch {
  let agreed = 0;
  let tried = 0;
  for (const point of candidatePoints(variables, assumptions)) {
    if (tried >= maxPoints * 3 || agreed >= maxPoints || budget.remainingMs() < 0) break;
    tried++;
    const deadline = Date.now() + budget.remainingMs();
    const va = accurateValue(a, point, deadline);
    const vb = va && accurateValue(b, point, deadline);
    if (!va || !vb) continue;
    if (!clearlyDiffer(va.value, vb.value)) {
      agreed++;
      continue;
    }
    // Confirm with more digits: the difference must stay the same to 20 digits.
    const ca = accurateValue(a, point, deadline, CONFIRM_EXTRA_DIGITS);
    const cb = ca && accurateValue(b, point, deadline, CONFIRM_EXTRA_DIGITS);
    if (!ca || !cb) continue;
    const D = decimalAt(Math.max(ca.digits, cb.digits) + GUARD_DIGITS);
    const first = new D(va.value.minus(vb.value).toString());
    const again = new D(ca.value.minus(cb.value).toString());
    if (again.minus(first).abs().gt(first.abs().times('1e-20'))) continue;
    const round = (v: BigNumber) => v.toSignificantDigits(WITNESS_DIGITS).toString();
    return { witness: { point, a: round(va.value), b: round(vb.value), difference: round(va.value.minus(vb.value)) }, agreed, tried };
  }
  return { agreed, tried };
}
