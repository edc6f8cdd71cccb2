/**
 * The question bank offered on the instructor page: loaded with the grading layer (so a bad
 * bank fails the build with its file and line), turned into targets, its YAML embedded so the
 * browser grades with the bank's own response trees.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadQuestionBank } from '../grade/index.ts';
import { GradproofError } from '../symbolic/index.ts';
import { renderMarkdown } from './markdown.ts';
import type { InstructorTarget } from './pages/instructor-page.ts';

/** The bank shipped with the repository: Q1 and Q2 of the source document. */
export const DEFAULT_BANK = fileURLToPath(new URL('../../examples/seed-homework/bank.yaml', import.meta.url));

/** A loaded bank: its text (for the browser) and its questions as targets. */
export interface BankTargets {
  readonly text: string;
  readonly targets: readonly InstructorTarget[];
}

/**
 * Loads `file` (YAML question bank).
 * @throws GradproofError GP_NOT_FOUND when the file is missing; the grader's errors for a malformed bank.
 */
export function questionTargets(file: string): BankTargets {
  if (!existsSync(file)) throw new GradproofError('GP_NOT_FOUND', `question bank: expected a file at ${file}, got none`);
  const text = readFileSync(file, 'utf8');
  const bank = loadQuestionBank(text, file);
  const targets = bank.questions.map((q): InstructorTarget => ({
    id: `question:${q.id}`,
    label: q.id,
    expected: q.problem.expected.toString(),
    expectedTex: q.problem.expectedTex,
    variables: q.problem.symbols.map((s) => s.name),
    question: q.id,
    promptHtml: renderMarkdown(q.prompt, `${file} (question ${q.id})`).body.value,
  }));
  return { text, targets };
}
