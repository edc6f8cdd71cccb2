/**
 * Submissions from CSV (`student,question,answer[,where]`, with a header row) or JSON (an array
 * of `{student, question, answer, where?}`, or `{submissions: [...]}`). A malformed row becomes a
 * row with an error, never a dropped row.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { GradproofError } from '../symbolic/index.ts';
import { readCsv } from './read-csv.ts';

/** One submission, or a row that could not be read. */
export interface Submission {
  /** 1-based row number among the submissions (header excluded). */
  readonly row: number;
  /** Line in the file where the row starts (CSV), or the array index + 1 (JSON). */
  readonly line: number;
  readonly student: string;
  readonly question: string;
  readonly answer: string;
  readonly where?: string;
  /** Set when the row itself is malformed; such a row is reported as a parse error. */
  readonly error?: string;
}

const COLUMNS = ['student', 'question', 'answer', 'where'] as const;

/** Reads submissions from `path` (.csv or .json). */
export function loadSubmissionsFile(path: string): Submission[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GradproofError('GP_NOT_FOUND', `submissions ${path}: expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return submissionsFromJson(text, path);
  if (ext === '.csv') return submissionsFromCsv(text, path);
  throw new GradproofError('GP_INPUT', `submissions ${path}: expected a .csv or .json file, got '${ext || 'no extension'}'`);
}

/**
 * Submissions from CSV text. The header must name student, question, answer (and optionally where), in any order.
 * @throws GradproofError GP_INPUT when the header is missing or wrong (the whole file is unusable then).
 */
export function submissionsFromCsv(text: string, file = '<csv>'): Submission[] {
  const { records, errors } = readCsv(text);
  const header = records.shift();
  if (!header || (errors.length > 0 && errors[0]!.line < header.line)) {
    throw new GradproofError('GP_INPUT', `${file}:1: expected a header row 'student,question,answer[,where]'`, { position: { file, line: 1 } });
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map(names.map((n, i) => [n, i]));
  const missing = COLUMNS.slice(0, 3).filter((c) => !index.has(c));
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    throw new GradproofError('GP_INPUT', `${file}:${header.line}: header: expected columns student,question,answer[,where], got '${header.fields.join(',')}'`, {
      position: { file, line: header.line },
    });
  }
  const rows = [
    ...records.map((r) => ({ line: r.line, fields: r.fields, error: undefined as string | undefined })),
    ...errors.map((e) => ({ line: e.line, fields: e.fields, error: e.message as string | undefined })),
  ].sort((a, b) => a.line - b.line);
  return rows.map((r, k): Submission => {
    const get = (c: string) => (index.has(c) ? r.fields[index.get(c)!] : undefined);
    const base = { row: k + 1, line: r.line, student: get('student') ?? '', question: get('question') ?? '', answer: get('answer') ?? '' };
    if (r.error) return { ...base, error: `${file}:${r.line}: ${r.error}` };
    if (r.fields.length !== names.length) {
      return { ...base, error: `${file}:${r.line}: expected ${names.length} fields, got ${r.fields.length} (quote fields that contain commas)` };
    }
    const where = get('where');
    return { ...base, student: base.student.trim(), question: base.question.trim(), where: where === undefined || where.trim() === '' ? undefined : where };
  });
}

/**
 * Submissions from JSON text.
 * @throws GradproofError GP_PARSE for invalid JSON, GP_INPUT when it is not a list of submissions.
 */
export function submissionsFromJson(text: string, file = '<json>'): Submission[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GradproofError('GP_PARSE', `${file}: invalid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as { submissions?: unknown }).submissions : undefined;
  if (!Array.isArray(list)) throw new GradproofError('GP_INPUT', `${file}: expected an array of {student, question, answer, where?} or {submissions: [...]}`);
  return list.map((item, k): Submission => {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const text = (key: string) => (typeof o[key] === 'string' ? (o[key] as string) : undefined);
    const base = { row: k + 1, line: k + 1, student: text('student') ?? '', question: text('question') ?? '', answer: text('answer') ?? '' };
    const bad = ['student', 'question', 'answer'].filter((key) => typeof o[key] !== 'string');
    if (bad.length > 0 || (o.where !== undefined && typeof o.where !== 'string')) {
      return { ...base, error: `${file}: submission ${k + 1}: expected text fields student, question, answer (and optional where), got ${bad.length > 0 ? `no ${bad.join(', ')}` : 'a non-text where'}` };
    }
    return { ...base, where: text('where') };
  });
}
