/**
 * report.csv: one line per row, RFC 4180 quoting. Cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return: students' answers often start with −)
 * get a leading apostrophe, the usual defence against CSV formula injection.
 */
import type { GradedRow } from './grade-row.ts';

const COLUMNS = [
  'row', 'line', 'student', 'question', 'status', 'verdict', 'score', 'test', 'diagnosis', 'feedback', 'method', 'read_as', 'answer', 'where',
  'counterexample', 'notes', 'error_code', 'error', 'elapsed_ms',
] as const;

/** One CSV cell. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows`, with a header line. */
export function gradeReportCsv(rows: readonly GradedRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    const counterexample = r.counterexample
      ? `${Object.entries(r.counterexample.point).map(([k, v]) => `${k}=${v}`).join(' ')}: expected ${r.counterexample.expected}, answer ${r.counterexample.answer}`
      : '';
    const cells = [
      r.row, r.line, r.student, r.question, r.status, r.verdict, r.score, r.test, r.diagnosis?.kind, r.feedback, r.method, r.readAs, r.answer,
      r.where, counterexample, r.notes.join(' | '), r.error?.code, r.error?.message, r.elapsedMs,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
