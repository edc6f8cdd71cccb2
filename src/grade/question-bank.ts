/**
 * The shape of a question bank: questions, each with a prompt, what is expected, the symbols'
 * domains and a response tree. Loaded from YAML by `loadQuestionBank`.
 */
import type { AnswerFormat } from '../symbolic/index.ts';
import type { Tolerance } from './answer-judge.ts';
import type { AnswerTestSpec } from './answer-tests.ts';
import type { GradingProblem } from './grading-problem.ts';

/** One question. */
export interface Question {
  readonly id: string;
  /** The prompt, in TeX (rendered in the HTML report). */
  readonly prompt: string;
  readonly problem: GradingProblem;
  /** Ordered answer tests; the first that matches gives score and feedback. */
  readonly tests: readonly AnswerTestSpec[];
  /** Format of the answers (default auto). */
  readonly format: AnswerFormat;
  readonly tolerance?: Tolerance;
  /** Per-answer time budget in ms, overriding the batch's. */
  readonly timeBudgetMs?: number;
  /** Where the question starts in its file (1-based). */
  readonly line: number;
}

/** A loaded bank. */
export interface QuestionBank {
  /** The file it was loaded from (or a label). */
  readonly file: string;
  readonly title?: string;
  readonly questions: readonly Question[];
  /** The question with `id`, or undefined. */
  find(id: string): Question | undefined;
}
