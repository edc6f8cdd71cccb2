import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/command-io.ts';
import { main } from '../../src/cli/main.ts';
import { readCsv, type GradeReport } from '../../src/grade/index.ts';

const EXAMPLE = new URL('../../examples/seed-homework/', import.meta.url).pathname;

/** The verdicts the seed homework must get: [student, question, status, verdict, matched test]. */
const PINNED: [string, string, string, string | null, string | null][] = [
  ['seed-author', 'q1-swish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-swish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-swish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-swish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-mish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-mish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-mish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-mish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-mish-derivative', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q1-swish-2beta-at-zero', 'graded', 'equivalent', 'equivalent'],
  // "β = 0 gives the linear x" holds for 2x·σ(βx) only: for x·σ(βx) it gives x/2.
  ['seed-author', 'q1-swish-beta-at-zero', 'graded', 'not-equivalent', 'constant-factor'],
  // "β → ∞ gives ReLU" holds for x·σ(βx) only: 2x·σ(βx) tends to 2·ReLU.
  ['seed-author', 'q1-swish-2beta-limit', 'graded', 'not-equivalent', 'constant-factor'],
  ['seed-author', 'q1-swish-beta-limit', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q2-bce-at-half', 'graded', 'equivalent', 'equivalent'],
  // 0.69 is ln 2 to two digits: accepted by the question's numeric node, not equivalent.
  ['seed-author', 'q2-bce-at-half', 'graded', 'not-equivalent', 'numeric'],
  ['seed-author', 'q2-mse-at-half', 'graded', 'equivalent', 'equivalent'],
  ['seed-author', 'q2-mse-maximum', 'graded', 'equivalent', 'equivalent'],
  ['classmate-a', 'q1-swish-derivative', 'graded', 'not-equivalent', 'wrong-sign'],
  ['classmate-b', 'q1-mish-derivative', 'graded', 'not-equivalent', 'missing-chain-factor'],
  ['classmate-c', 'q1-swish-beta-derivative', 'graded', 'not-equivalent', 'missing-chain-factor'],
  ['classmate-d', 'q1-swish-beta-derivative', 'graded', 'not-equivalent', 'wrong-variable'],
  ['classmate-e', 'q2-bce-derivative', 'graded', 'equivalent', 'equivalent'],
  ['classmate-f', 'q2-bce-derivative', 'graded', 'not-equivalent', 'not-differentiated'],
  ['classmate-g', 'q1-swish-derivative', 'parse-error', null, null],
];

describe('gradproof grade', () => {
  it('grades the seed homework, pins its verdicts and writes the three reports', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gradproof-grade-'));
    const io = bufferIO();
    const exit = await main(['grade', '--bank', join(EXAMPLE, 'bank.yaml'), '--submissions', join(EXAMPLE, 'submissions.csv'), '--out', out, '--json', '--workers', '2'], io);
    expect(exit).toBe(1); // classmate-g's answer does not parse: reported, not skipped
    const summary = JSON.parse(io.stdout.join('\n'));
    expect(summary.summary).toMatchObject({ submissions: PINNED.length, parseErrors: 1, timeouts: 0, unknownQuestions: 0 });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as GradeReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.rows.map((r) => [r.student, r.question, r.status, r.verdict ?? null, r.test ?? null])).toEqual(PINNED);
    const removable = report.rows.filter((r) => r.notes.some((n) => n.startsWith('removable-singularity')));
    expect(removable.length).toBeGreaterThanOrEqual(2);
    expect(report.rows[23]!.error?.message).toMatch(/\(at position \d+\)/);
    const csv = readCsv(readFileSync(join(out, 'report.csv'), 'utf8'));
    expect(csv.errors).toEqual([]);
    expect(csv.records.length).toBe(PINNED.length + 1);
    expect(csv.records[18]!.fields[12]).toBe("'-\\sigma(x) - x\\sigma(x)(1-\\sigma(x))"); // formula-injection guard
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('class="katex"');
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    expect(io.stderr.some((l) => /^grading 24\/24 /.test(l))).toBe(true); // the shared progress bar's last line
  });

  it('exits 2 naming file and line for a bad bank, and for a missing submissions file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradproof-grade-'));
    writeFileSync(join(dir, 'bad.yaml'), 'questions:\n  - id: a\n    derivative: { of: nope }\n');
    const io = bufferIO();
    expect(await main(['grade', '--bank', join(dir, 'bad.yaml'), '--submissions', join(EXAMPLE, 'submissions.csv'), '--out', dir], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/bad\.yaml:3:\d+: .*unknown function 'nope'/);
    const io2 = bufferIO();
    expect(await main(['grade', '--bank', join(EXAMPLE, 'bank.yaml'), '--submissions', join(dir, 'none.csv'), '--out', dir], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toMatch(/none\.csv: expected a readable file/);
  });
});
