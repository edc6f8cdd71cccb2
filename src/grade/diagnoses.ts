/**
 * Diagnostics for common mistakes, as a registry: each one proposes what the answer would be if
 * the student had made that mistake, and matches when the answer equals it (proved, or only
 * numerically when the prover cannot decide in time; the diagnosis says which).
 *
 * Mistakes: wrong sign; off by a constant factor; off by an additive constant; a missing
 * chain-rule factor; integrated instead of differentiated; the function itself instead of its
 * derivative; the derivative with respect to the wrong variable.
 */
import type { MathNode } from 'mathjs';
import { derive, freeSymbols, mul, neg, num, sub, sym, toTex } from '../symbolic/index.ts';
import { close, type AnswerJudge, type MatchStatus } from './answer-judge.ts';
import { chainRuleVariants } from './chain-rule-variants.ts';
import { rationalApproximation } from './rational-approximation.ts';

/** Names of the diagnostics. */
export const DIAGNOSIS_KINDS = [
  'wrong-sign', 'constant-factor', 'missing-chain-factor', 'wrong-variable', 'integrated', 'not-differentiated', 'constant-difference',
] as const;

/** One of {@link DIAGNOSIS_KINDS}. */
export type DiagnosisKind = (typeof DIAGNOSIS_KINDS)[number];

/** A mistake that explains the answer. */
export interface Diagnosis {
  readonly kind: DiagnosisKind;
  /** One sentence for the student, in plain text (formulas in mathjs's text form, e.g. `exp(x) / (exp(x) + 1)`). */
  readonly message: string;
  /** The same sentence with each formula as TeX between `$…$`, for pages that render TeX (report.html, the instructor page). */
  readonly messageTex: string;
  /** `proved` when the prover confirmed the explanation, `numerical` when only sampling did. */
  readonly evidence: Exclude<MatchStatus, 'refuted'>;
  /** Values for feedback templates: {factor}, {variable}, {constant}, {wrt}. */
  readonly fields: Readonly<Record<string, string>>;
}

type Finder = (judge: AnswerJudge) => Diagnosis | undefined;

/** Tolerance of the finite-difference pre-screen (central differences are good to ~1e-10; mistakes are far larger). */
const LOOSE = { relative: 1e-5, absolute: 1e-7 };

/** A sentence in two forms: plain text, and with formulas as `$…$` TeX. */
interface Sentence {
  readonly text: string;
  readonly tex: string;
}

/** A sentence with no formula in it. */
const plain = (text: string): Sentence => ({ text, tex: text });

/** `before`, then `node` (as `text`, by default mathjs's text form, or as `$…$` TeX), then `after`. */
const withFormula = (before: string, node: MathNode, after = '', text = node.toString()): Sentence => ({
  text: `${before}${text}${after}`,
  tex: `${before}$${toTex(node)}$${after}`,
});

const found = (kind: DiagnosisKind, evidence: MatchStatus, sentence: Sentence, fields: Record<string, string> = {}): Diagnosis | undefined =>
  evidence === 'refuted' ? undefined : { kind, evidence, message: sentence.text, messageTex: sentence.tex, fields };

/** The registry: diagnostic name -> how to find it. */
const FINDERS: Readonly<Record<DiagnosisKind, Finder>> = {
  'wrong-sign': (j) => found('wrong-sign', j.matches(j.problemMemo('negated', () => neg(j.problem.expected))), plain('the sign is wrong: the answer is the negative of the expected expression'), { factor: '-1' }),

  'constant-factor': (j) => {
    const c = constantRatio(j);
    if (c === undefined) return undefined;
    const candidate = mul(c.node, j.problem.expected);
    const sentence = withFormula('off by a constant factor: the answer is ', c.node, ' times the expected expression', c.text);
    return found('constant-factor', j.matches(candidate, false), sentence, { factor: c.text });
  },

  'missing-chain-factor': (j) => {
    const d = j.problem.derivative;
    if (!d) return undefined;
    for (const variant of j.problemMemo('chain-rule-variants', () => chainRuleVariants(d.definition, d.wrt))) {
      const status = j.matches(variant.derivative);
      if (status !== 'refuted') {
        return found('missing-chain-factor', status, withFormula('a chain-rule factor is missing: the answer lacks the inner derivative ', variant.factor), {
          factor: variant.factor.toString(),
        });
      }
    }
    return undefined;
  },

  'wrong-variable': (j) => {
    const d = j.problem.derivative;
    if (!d) return undefined;
    for (const v of freeSymbols(d.definition)) {
      if (v === d.wrt) continue;
      const status = j.matches(j.problemMemo(`derivative:${v}`, () => derive(d.definition, v)));
      if (status !== 'refuted') {
        const sentence = {
          text: `the derivative was taken with respect to ${v} instead of ${d.wrt}`,
          tex: `the derivative was taken with respect to $${toTex(sym(v))}$ instead of $${toTex(sym(d.wrt))}$`,
        };
        return found('wrong-variable', status, sentence, { variable: v, wrt: d.wrt });
      }
    }
    return undefined;
  },

  integrated: (j) => {
    const d = j.problem.derivative;
    if (!d) return undefined;
    const f = j.values(d.definition, true);
    const slope = j.answerSlope(d.wrt);
    let compared = 0;
    for (let i = 0; i < f.length; i++) {
      if (!Number.isFinite(f[i]!) || !Number.isFinite(slope[i]!)) continue;
      if (!close(f[i]!, slope[i]!, LOOSE)) return undefined;
      compared++;
    }
    if (compared === 0) return undefined;
    const derivativeOfAnswer = derive(j.answer, d.wrt);
    const screen = j.firstDifference(d.definition, derivativeOfAnswer, true);
    if (screen.index >= 0 || screen.compared === 0) return undefined;
    const proof = j.prove(d.definition, derivativeOfAnswer);
    const status: MatchStatus = proof?.status === 'proved' ? 'proved' : proof?.status === 'refuted' ? 'refuted' : 'numerical';
    return found('integrated', status, plain('integrated instead of differentiated: the derivative of the answer is the function itself'), { wrt: d.wrt });
  },

  'not-differentiated': (j) => {
    const d = j.problem.derivative;
    if (!d) return undefined;
    return found('not-differentiated', j.matches(d.definition), plain('the answer is the function itself, not its derivative'), { wrt: d.wrt });
  },

  'constant-difference': (j) => {
    const e = j.values(j.problem.expected);
    const a = j.values(j.answer);
    const differences: number[] = [];
    for (let i = 0; i < e.length; i++) if (Number.isFinite(e[i]!) && Number.isFinite(a[i]!)) differences.push(a[i]! - e[i]!);
    if (differences.length < 3 || !differences.every((d) => close(d, differences[0]!, j.tolerance))) return undefined;
    if (close(differences[0]!, 0, j.tolerance)) return undefined;
    let status: MatchStatus = 'proved';
    for (const v of j.problem.symbols.map((s) => s.name)) {
      const proof = j.prove(derive(sub(j.answer, j.problem.expected), v), num(0));
      if (proof?.status === 'refuted') return undefined;
      if (proof?.status !== 'proved') status = 'numerical';
    }
    const exact = rationalApproximation(differences[0]!);
    const constant = exact?.text ?? differences[0]!.toPrecision(6);
    const lead = 'equal up to an additive constant: the answer differs from the expected one by ';
    return found('constant-difference', status, exact ? withFormula(lead, exact.node, '', constant) : plain(`${lead}${constant}`), { constant });
  },
};

/** Runs one diagnostic. */
export function findDiagnosis(kind: DiagnosisKind, judge: AnswerJudge): Diagnosis | undefined {
  return FINDERS[kind](judge);
}

/** The first diagnostic (in `order`) that explains the answer, if any. */
export function diagnose(judge: AnswerJudge, order: readonly DiagnosisKind[] = DIAGNOSIS_KINDS): Diagnosis | undefined {
  for (const kind of order) {
    if (judge.remaining() <= 0) return undefined;
    const diagnosis = FINDERS[kind](judge);
    if (diagnosis) return diagnosis;
  }
  return undefined;
}

/** The constant ratio answer / expected over the samples, when there is one (and it is not 1 or -1). */
function constantRatio(j: AnswerJudge): { node: MathNode; text: string } | undefined {
  const e = j.values(j.problem.expected);
  const a = j.values(j.answer);
  const ratios: number[] = [];
  for (let i = 0; i < e.length; i++) {
    if (Number.isFinite(e[i]!) && Number.isFinite(a[i]!) && Math.abs(e[i]!) > j.tolerance.absolute * 1e3) ratios.push(a[i]! / e[i]!);
  }
  if (ratios.length < 3 || !ratios.every((r) => close(r, ratios[0]!, j.tolerance))) return undefined;
  const r = ratios[0]!;
  if (close(r, 1, j.tolerance) || close(r, -1, j.tolerance) || close(r, 0, j.tolerance)) return undefined;
  const q = rationalApproximation(r);
  if (!q) return undefined;
  return { node: q.node, text: q.text };
}

