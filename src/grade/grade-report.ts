/**
 * The batch report as data (report.json, schemaVersion 1): the bank's questions, a summary by
 * status, verdict and question, and every row.
 */
import type { BatchResult } from './grade-batch.ts';
import type { GradedRow } from './grade-row.ts';

/** Version of the report.json shape; bumped on incompatible changes. */
export const GRADE_REPORT_SCHEMA_VERSION = 1;

/** Counts over the rows. */
export interface GradeSummary {
  readonly submissions: number;
  readonly graded: number;
  readonly parseErrors: number;
  readonly unknownQuestions: number;
  readonly timeouts: number;
  readonly internalErrors: number;
  readonly equivalent: number;
  readonly notEquivalent: number;
  readonly undecided: number;
  readonly meanScore: number;
  readonly byQuestion: Readonly<Record<string, { readonly submissions: number; readonly meanScore: number }>>;
}

/** report.json. */
export interface GradeReport {
  readonly schemaVersion: number;
  readonly generatedAt: string;
  readonly bank: {
    readonly file: string;
    readonly title?: string;
    readonly questions: readonly { id: string; prompt: string; expectedTex: string; derivative?: { of: string; wrt: string } }[];
  };
  readonly summary: GradeSummary;
  readonly elapsedMs: number;
  readonly workers: number;
  readonly rows: readonly GradedRow[];
}

/** Builds the report of a batch. */
export function buildGradeReport(result: BatchResult, now: Date = new Date()): GradeReport {
  return {
    schemaVersion: GRADE_REPORT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    bank: {
      file: result.bank.file, title: result.bank.title,
      questions: result.bank.questions.map((q) => ({
        id: q.id, prompt: q.prompt, expectedTex: q.problem.expectedTex,
        derivative: q.problem.derivative ? { of: q.problem.derivative.of, wrt: q.problem.derivative.wrt } : undefined,
      })),
    },
    summary: summarize(result.rows),
    elapsedMs: result.elapsedMs,
    workers: result.workers,
    rows: result.rows,
  };
}

/** Counts by status and verdict, and mean scores. */
export function summarize(rows: readonly GradedRow[]): GradeSummary {
  const count = (p: (r: GradedRow) => boolean) => rows.filter(p).length;
  const byQuestion: Record<string, { submissions: number; meanScore: number }> = {};
  for (const r of rows) {
    const q = (byQuestion[r.question] ??= { submissions: 0, meanScore: 0 });
    q.meanScore = (q.meanScore * q.submissions + r.score) / (q.submissions + 1);
    q.submissions++;
  }
  return {
    submissions: rows.length,
    graded: count((r) => r.status === 'graded'),
    parseErrors: count((r) => r.status === 'parse-error'),
    unknownQuestions: count((r) => r.status === 'unknown-question'),
    timeouts: count((r) => r.status === 'timeout'),
    internalErrors: count((r) => r.status === 'internal-error'),
    equivalent: count((r) => r.verdict === 'equivalent'),
    notEquivalent: count((r) => r.verdict === 'not-equivalent'),
    undecided: count((r) => r.verdict === 'undecided'),
    meanScore: rows.length === 0 ? 0 : rows.reduce((s, r) => s + r.score, 0) / rows.length,
    byQuestion,
  };
}
