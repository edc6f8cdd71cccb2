/**
 * Answer tests, the nodes of a question's response tree (STACK's idea): each test either matches
 * an answer or not; the first matching node gives the score and the feedback.
 *
 * Tests: `equivalent` (proved equal, same domain), `numeric` (close at sample points, with a
 * tolerance), `equal-up-to-constant` (antiderivatives), `domain-mismatch`, `not-equivalent`
 * (refuted), `undecided`, `any`, and every diagnostic of `diagnoses.ts` by name.
 */
import { GradproofError } from '../symbolic/index.ts';
import { AnswerJudge, close, DEFAULT_TOLERANCE, type Tolerance } from './answer-judge.ts';
import { DIAGNOSIS_KINDS, findDiagnosis, type Diagnosis, type DiagnosisKind } from './diagnoses.ts';

/** Names of the answer tests. */
export const ANSWER_TEST_KINDS = [
  'equivalent', 'numeric', 'equal-up-to-constant', 'domain-mismatch', 'not-equivalent', 'undecided', 'any', ...DIAGNOSIS_KINDS,
] as const;

/** One of {@link ANSWER_TEST_KINDS}. */
export type AnswerTestKind = (typeof ANSWER_TEST_KINDS)[number];

/** A node of a response tree. */
export interface AnswerTestSpec {
  readonly test: AnswerTestKind;
  /** Score given when this node matches (0 to 1). */
  readonly score: number;
  /** Feedback; `{factor}`, `{variable}`, `{constant}`, `{wrt}`, `{diagnosis}` are filled in. */
  readonly feedback?: string;
  /** For `numeric`: tolerance (default {@link DEFAULT_TOLERANCE}). */
  readonly tolerance?: Partial<Tolerance>;
}

/** Whether a test matched, and what it found. */
export interface AnswerTestOutcome {
  readonly matched: boolean;
  readonly diagnosis?: Diagnosis;
  readonly fields: Readonly<Record<string, string>>;
}

/** Default response tree: the right answer, then each mistake by name, then anything else. */
export const DEFAULT_RESPONSE_TREE: readonly AnswerTestSpec[] = [
  { test: 'equivalent', score: 1, feedback: 'Correct.' },
  { test: 'domain-mismatch', score: 0, feedback: 'Not defined everywhere the expected expression is defined.' },
  ...DIAGNOSIS_KINDS.map((kind): AnswerTestSpec => ({ test: kind, score: 0, feedback: 'Incorrect: {diagnosis}.' })),
  { test: 'undecided', score: 0, feedback: 'Could not be decided automatically; please review.' },
  { test: 'any', score: 0, feedback: 'Incorrect.' },
];

const NO_MATCH: AnswerTestOutcome = { matched: false, fields: {} };
const MATCH: AnswerTestOutcome = { matched: true, fields: {} };

/** Runs one answer test. */
export function runAnswerTest(spec: AnswerTestSpec, judge: AnswerJudge): AnswerTestOutcome {
  switch (spec.test) {
    case 'equivalent':
      return judge.equivalence().status === 'proved' && !hasDomainMismatch(judge) ? MATCH : NO_MATCH;
    case 'numeric': {
      const tolerance = { ...DEFAULT_TOLERANCE, ...spec.tolerance };
      const e = judge.values(judge.problem.expected);
      const a = judge.values(judge.answer);
      let compared = 0;
      for (let i = 0; i < e.length; i++) {
        if (!Number.isFinite(e[i]!)) continue;
        if (!Number.isFinite(a[i]!) || !close(e[i]!, a[i]!, tolerance)) return NO_MATCH;
        compared++;
      }
      return compared > 0 ? MATCH : NO_MATCH;
    }
    case 'equal-up-to-constant': {
      if (judge.equivalence().status === 'proved') return { matched: true, fields: { constant: '0' } };
      const d = findDiagnosis('constant-difference', judge);
      return d ? { matched: true, diagnosis: d, fields: d.fields } : NO_MATCH;
    }
    case 'domain-mismatch':
      return hasDomainMismatch(judge) ? MATCH : NO_MATCH;
    case 'not-equivalent':
      return judge.equivalence().status === 'refuted' ? MATCH : NO_MATCH;
    case 'undecided':
      return judge.equivalence().status === 'undecided' ? MATCH : NO_MATCH;
    case 'any':
      return MATCH;
    default: {
      if (!(DIAGNOSIS_KINDS as readonly string[]).includes(spec.test)) {
        throw new GradproofError('GP_INPUT', `answer test: expected one of ${ANSWER_TEST_KINDS.join(', ')}, got '${String(spec.test)}'`);
      }
      if (judge.equivalence().status === 'proved') return NO_MATCH; // a right answer has no mistake to explain
      const d = findDiagnosis(spec.test as DiagnosisKind, judge);
      return d ? { matched: true, diagnosis: d, fields: { ...d.fields, diagnosis: d.message } } : NO_MATCH;
    }
  }
}

/**
 * Answer undefined where the expected expression is defined: on a sampled region, or at a point
 * the prover reports (removable singularities excepted: those are notes).
 */
export function hasDomainMismatch(judge: AnswerJudge): boolean {
  if (judge.domainGaps().length > 0) return true;
  return judge.equivalence().domainNotes.some((n) => n.kind === 'undefined-on-one-side' && n.side === 'b');
}

/** `feedback` with `{name}` placeholders filled from `fields` (unknown ones left as written). */
export function fillFeedback(feedback: string, fields: Readonly<Record<string, string>>): string {
  return feedback.replace(/\{(\w+)\}/g, (whole, name: string) => fields[name] ?? whole);
}
