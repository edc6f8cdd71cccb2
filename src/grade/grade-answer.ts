/**
 * Grades one answer: prepares it, judges it against the problem, walks the response tree (first
 * matching node wins) and explains the verdict: how it was reached, how the answer was read, the
 * mistake that explains it, a counterexample, and notes on domains.
 */
import type { AnswerFormat } from '../symbolic/index.ts';
import { AnswerJudge, DEFAULT_TOLERANCE, type Equivalence, type Tolerance } from './answer-judge.ts';
import { DEFAULT_RESPONSE_TREE, fillFeedback, hasDomainMismatch, runAnswerTest, type AnswerTestKind, type AnswerTestSpec } from './answer-tests.ts';
import { diagnose, type Diagnosis } from './diagnoses.ts';
import type { GradingProblem } from './grading-problem.ts';
import { prepareAnswer } from './prepare-answer.ts';

/** Default time budget of one answer (issue 5: no answer may hold a batch longer than 2 s). */
export const DEFAULT_ANSWER_BUDGET_MS = 2000;

/** The equivalence verdict, in the words of `gradproof check`. */
export type Verdict = 'equivalent' | 'not-equivalent' | 'undecided';

/** A counterexample: a point where expected and answer differ (decimal strings, 45 digits). */
export interface Counterexample {
  readonly point: Readonly<Record<string, string>>;
  readonly expected: string;
  readonly answer: string;
  readonly difference: string;
}

/** The grade of one answer. */
export interface AnswerGrade {
  readonly verdict: Verdict;
  /** The prover's (or the sampling pre-screen's) method. */
  readonly method: string;
  readonly score: number;
  readonly feedback: string;
  /** The response-tree node that matched (index and test). */
  readonly node: number;
  readonly test: AnswerTestKind;
  /** TeX of the answer as read. */
  readonly readAs: string;
  readonly diagnosis?: Diagnosis;
  readonly counterexample?: Counterexample;
  readonly notes: readonly string[];
}

/** Options of {@link gradeAnswer}. */
export interface GradeAnswerOptions {
  readonly format?: AnswerFormat;
  readonly where?: string | readonly string[];
  /** Default {@link DEFAULT_ANSWER_BUDGET_MS}. */
  readonly timeBudgetMs?: number;
  readonly tolerance?: Tolerance;
}

/**
 * Grades `answer` against `problem` with `tree` (default {@link DEFAULT_RESPONSE_TREE}).
 * @throws GradproofError when the answer or its `where` cannot be parsed (GP_PARSE / GP_INPUT / GP_LIMIT).
 */
export function gradeAnswer(problem: GradingProblem, answer: string, tree: readonly AnswerTestSpec[] = DEFAULT_RESPONSE_TREE, options: GradeAnswerOptions = {}): AnswerGrade {
  const start = Date.now();
  const prepared = prepareAnswer(problem, answer, options.where ?? [], options.format ?? 'auto');
  const judge = new AnswerJudge(problem, prepared.node, start + (options.timeBudgetMs ?? DEFAULT_ANSWER_BUDGET_MS), options.tolerance ?? DEFAULT_TOLERANCE);
  let matched = { index: tree.length, spec: { test: 'any', score: 0, feedback: 'No answer test matched.' } as AnswerTestSpec, outcome: { matched: true, fields: {} as Record<string, string>, diagnosis: undefined as Diagnosis | undefined } };
  for (let i = 0; i < tree.length; i++) {
    const outcome = runAnswerTest(tree[i]!, judge);
    if (outcome.matched) {
      matched = { index: i, spec: tree[i]!, outcome: { ...outcome, fields: { ...outcome.fields }, diagnosis: outcome.diagnosis } };
      break;
    }
  }
  const equivalence = judge.equivalence();
  const verdict = verdictOf(equivalence);
  const diagnosis = matched.outcome.diagnosis ?? (verdict === 'equivalent' ? undefined : diagnose(judge));
  const fields = { ...(diagnosis?.fields ?? {}), ...matched.outcome.fields, diagnosis: diagnosis?.message ?? 'no common mistake explains it' };
  return {
    verdict, method: equivalence.method, score: matched.spec.score,
    feedback: fillFeedback(matched.spec.feedback ?? defaultFeedback(matched.spec.test), fields),
    node: matched.index, test: matched.spec.test, readAs: prepared.readAs, diagnosis,
    counterexample: equivalence.witness, notes: notesOf(judge, equivalence, diagnosis),
  };
}

/** The verdict of an equivalence. */
export function verdictOf(e: Equivalence): Verdict {
  return e.status === 'proved' ? 'equivalent' : e.status === 'refuted' ? 'not-equivalent' : 'undecided';
}

/** Notes: domain notes (removable singularities), domain mismatch, numerical-only evidence, budget. */
export function notesOf(judge: AnswerJudge, e: Equivalence, diagnosis: Diagnosis | undefined): string[] {
  const notes = e.domainNotes.map((n) => `${n.kind}: ${n.detail}`);
  if (judge.domainGaps().length > 0) {
    const at = judge.points[judge.domainGaps()[0]!]!;
    notes.push(`domain mismatch: the answer is undefined at ${Object.entries(at).map(([k, v]) => `${k} = ${v}`).join(', ')}, where the expected expression is defined`);
  } else if (hasDomainMismatch(judge)) {
    notes.push('domain mismatch: the answer is undefined at a point where the expected expression is defined');
  }
  if (e.status === 'undecided' && e.reason) notes.push(`undecided: ${e.reason}`);
  if (diagnosis?.evidence === 'numerical') notes.push(`the diagnosis (${diagnosis.kind}) is supported by sampling only, not proved`);
  notes.push(...judge.notes);
  return notes;
}

function defaultFeedback(test: AnswerTestKind): string {
  return test === 'equivalent' ? 'Correct.' : test === 'any' || test === 'not-equivalent' ? 'Incorrect.' : 'Incorrect: {diagnosis}.';
}
