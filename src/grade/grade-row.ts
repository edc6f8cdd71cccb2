/**
 * Grades one submission row against a bank, never throwing: a malformed row, an unparsable
 * answer, an unknown question or a bug each become a row with a status and an error message.
 */
import { isGradproofError, type ErrorCode } from '../symbolic/index.ts';
import type { Diagnosis } from './diagnoses.ts';
import { DEFAULT_ANSWER_BUDGET_MS, gradeAnswer, type Counterexample, type Verdict } from './grade-answer.ts';
import type { QuestionBank } from './question-bank.ts';
import type { Submission } from './load-submissions.ts';

/** What happened to a row. */
export type RowStatus = 'graded' | 'parse-error' | 'unknown-question' | 'timeout' | 'internal-error';

/**
 * One graded row of a batch (plain data: it crosses worker boundaries and goes into report.json):
 * the submission's fields (row, line, student, question, answer, where) and what grading found.
 */
export interface GradedRow extends Omit<Submission, 'error'> {
  readonly status: RowStatus;
  readonly verdict?: Verdict;
  readonly score: number;
  readonly feedback: string;
  /** The response-tree test that matched. */
  readonly test?: string;
  readonly method?: string;
  readonly readAs?: string;
  readonly diagnosis?: Diagnosis;
  readonly counterexample?: Counterexample;
  readonly notes: readonly string[];
  readonly error?: { readonly code: ErrorCode; readonly message: string; readonly offset?: number };
  readonly elapsedMs: number;
}

/** Grades `submission` (never throws). */
export function gradeRow(bank: QuestionBank, submission: Submission, timeBudgetMs = DEFAULT_ANSWER_BUDGET_MS): GradedRow {
  const start = Date.now();
  const base = {
    row: submission.row, line: submission.line, student: submission.student, question: submission.question, answer: submission.answer,
    where: submission.where, score: 0, notes: [] as string[],
  };
  if (submission.error) {
    return { ...base, status: 'parse-error', feedback: 'The row could not be read.', error: { code: 'GP_PARSE', message: submission.error }, elapsedMs: 0 };
  }
  const question = bank.find(submission.question);
  if (!question) {
    const known = bank.questions.map((q) => q.id).join(', ');
    return {
      ...base, status: 'unknown-question', feedback: 'Unknown question.',
      error: { code: 'GP_NOT_FOUND', message: `unknown question '${submission.question}': expected one of ${known}` }, elapsedMs: 0,
    };
  }
  try {
    const grade = gradeAnswer(question.problem, submission.answer, question.tests, {
      format: question.format, where: submission.where ?? [], timeBudgetMs: question.timeBudgetMs ?? timeBudgetMs, tolerance: question.tolerance,
    });
    return {
      ...base, status: 'graded', verdict: grade.verdict, score: grade.score, feedback: grade.feedback, test: grade.test, method: grade.method,
      readAs: grade.readAs, diagnosis: grade.diagnosis, counterexample: grade.counterexample, notes: grade.notes, elapsedMs: Date.now() - start,
    };
  } catch (error) {
    if (isGradproofError(error) && ['GP_PARSE', 'GP_INPUT', 'GP_LIMIT'].includes(error.code)) {
      return {
        ...base, status: 'parse-error', feedback: 'The answer could not be read.',
        error: { code: error.code, message: error.message, offset: error.position?.offset }, elapsedMs: Date.now() - start,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base, status: 'internal-error', feedback: 'Grading failed; please report it.',
      error: { code: isGradproofError(error) ? error.code : 'GP_INTERNAL', message }, elapsedMs: Date.now() - start,
    };
  }
}
