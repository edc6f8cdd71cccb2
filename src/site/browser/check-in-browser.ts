/**
 * The verdict the instructor page shows, computed in the browser by the library itself — the
 * same grading code as `gradproof check` and `gradproof grade`: the answer is parsed by the
 * whitelisted LaTeX/text parser and judged by the prover (proved / refuted with a witness /
 * undecided), with the diagnosis of a common mistake when one explains it. Questions from a
 * bank go through the bank's own response tree (score and feedback). Bundled by esbuild.
 */
import { checkAnswer, gradeAnswer, loadQuestionBank, type QuestionBank } from '../../grade/index.ts';
import type { InstructorTarget } from '../pages/instructor-page.ts';

/** What the page shows. */
export interface BrowserVerdict {
  readonly verdict: 'equivalent' | 'not-equivalent' | 'undecided';
  readonly method: string;
  /** TeX of how the answer was read. */
  readonly readAs: string;
  /** The mistake that explains a wrong answer, one sentence with its formulas as `$…$` TeX. */
  readonly diagnosis?: string;
  /** Bank questions: the response tree's score and feedback (TeX allowed in $…$). */
  readonly score?: number;
  readonly feedback?: string;
  readonly counterexample?: { readonly point: Readonly<Record<string, string>>; readonly expected: string; readonly answer: string; readonly difference: string };
  readonly notes: readonly string[];
}

/** Time budget for one check in the browser (ms): a hostile answer cannot freeze the page for long. */
export const BROWSER_BUDGET_MS = 3000;

let bank: { text: string; parsed: QuestionBank } | undefined;

/**
 * Checks `answer` (LaTeX or text) against `target`; `where` holds definitions, one per line.
 * @param bankText the question bank's YAML, for targets that are bank questions.
 * @throws GradproofError GP_PARSE / GP_INPUT / GP_LIMIT for an answer that cannot be read.
 */
export function checkInBrowser(target: InstructorTarget, answer: string, where: string, bankText?: string): BrowserVerdict {
  const definitions = where.trim() ? [where] : [];
  if (target.question && bankText) {
    if (bank?.text !== bankText) bank = { text: bankText, parsed: loadQuestionBank(bankText, 'question bank') };
    const question = bank.parsed.find(target.question);
    if (question) {
      const g = gradeAnswer(question.problem, answer, question.tests, {
        where: definitions, format: question.format, tolerance: question.tolerance, timeBudgetMs: question.timeBudgetMs ?? BROWSER_BUDGET_MS,
      });
      return { verdict: g.verdict, method: g.method, readAs: g.readAs, diagnosis: g.diagnosis?.messageTex, score: g.score, feedback: g.feedback, counterexample: g.counterexample, notes: g.notes };
    }
  }
  const r = checkAnswer({
    ...(target.derivativeOf ? { derivativeOf: target.derivativeOf, wrt: target.wrt } : { expected: target.expected, expectedFormat: 'text' as const, variables: target.variables }),
    answer, where: definitions, timeBudgetMs: BROWSER_BUDGET_MS,
  });
  return { verdict: r.verdict, method: r.method, readAs: r.readAs, diagnosis: r.diagnosis?.messageTex, counterexample: r.counterexample, notes: r.notes };
}
