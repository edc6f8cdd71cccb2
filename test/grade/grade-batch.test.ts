import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeBatch, submissionsFromCsv, type BatchProgress } from '../../src/grade/index.ts';

const BANK = `
questions:
  - id: swish
    derivative: { of: swish, wrt: x }
  - id: mish
    derivative: { of: mish, wrt: x }
`;

const CSV = [
  'student,question,answer,where',
  'a,swish,"\\sigma(x) + x\\sigma(x)(1-\\sigma(x))",',
  'b,swish,"-\\sigma(x) - x\\sigma(x)(1-\\sigma(x))",',
  'c,mish,"\\frac{e^x\\omega}{\\delta^2}","\\omega = 4(x+1)+4e^{2x}+e^{3x}+e^x(4x+6); \\delta = 2e^x+e^{2x}+2"',
  'd,swish,"\\frac{1}{",',
  'e,nope,x,',
  'f,swish,broken "quote,',
  'g,swish,"\\sigma(x) + x\\sigma(x)(1-\\sigma(x))",',
].join('\n');

describe('gradeBatch', () => {
  it('grades every row in worker threads, reports malformed rows and unknown questions, skips nothing', async () => {
    const progress: BatchProgress[] = [];
    const submissions = submissionsFromCsv(CSV, 'subs.csv');
    const result = await gradeBatch({ text: BANK, file: 'bank.yaml' }, submissions, { workers: 1, onProgress: (p) => progress.push(p) });
    expect(result.workers).toBe(1);
    expect(result.rows.map((r) => [r.student, r.status, r.verdict ?? null, r.score])).toEqual([
      ['a', 'graded', 'equivalent', 1],
      ['b', 'graded', 'not-equivalent', 0],
      ['c', 'graded', 'equivalent', 1],
      ['d', 'parse-error', null, 0],
      ['e', 'unknown-question', null, 0],
      ['f', 'parse-error', null, 0],
      ['g', 'graded', 'equivalent', 1],
    ]);
    expect(result.rows[1]!.diagnosis?.kind).toBe('wrong-sign');
    expect(result.rows[3]!.error?.message).toMatch(/\(at position \d+\)/);
    expect(result.rows[4]!.error?.code).toBe('GP_NOT_FOUND');
    expect(result.rows[5]!.error?.message).toMatch(/subs\.csv:7:/);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.every((p) => p.total === 7)).toBe(true);
  });

  it('terminates a worker that runs past its budget, reports GP_TIMEOUT for that row and goes on', async () => {
    const submissions = submissionsFromCsv(CSV, 'subs.csv');
    // A 1 ms budget with no grace: the first answer a fresh worker sees (mathjs and the prover
    // warming up) cannot finish in time; a later trivial one occasionally can, so those rows may
    // be either timed out or graded — never lost, and the batch goes on.
    const result = await gradeBatch({ text: BANK, file: 'bank.yaml' }, submissions, { workers: 1, timeBudgetMs: 1, graceMs: 0 });
    const statuses = result.rows.map((r) => r.status);
    expect(statuses[0]).toBe('timeout');
    expect(statuses.slice(4, 6)).toEqual(['unknown-question', 'parse-error']);
    for (const i of [1, 2, 6]) expect(['timeout', 'graded']).toContain(statuses[i]);
    expect(['timeout', 'parse-error']).toContain(statuses[3]); // the unfinished \frac: parsed in the worker
    expect(result.rows[0]!.error).toMatchObject({ code: 'GP_TIMEOUT' });
    expect(result.rows[0]!.error!.message).toMatch(/expected at most 1 ms/);
  });

  it('refuses a bad bank before grading', async () => {
    await expect(gradeBatch({ text: 'questions: []', file: 'b.yaml' }, [])).rejects.toThrow(/b\.yaml:1:\d+: expected `questions:`/);
  });

  it('grades in-process when asked for 0 workers (same verdicts)', async () => {
    const submissions = submissionsFromCsv(CSV, 'subs.csv').slice(0, 3);
    const result = await gradeBatch({ text: BANK, file: 'bank.yaml' }, submissions, { workers: 0 });
    expect(result.workers).toBe(0);
    expect(result.rows.map((r) => r.verdict)).toEqual(['equivalent', 'not-equivalent', 'equivalent']);
  });

  it('reads the example bank (sanity of the shipped file)', () => {
    expect(readFileSync(new URL('../../examples/seed-homework/bank.yaml', import.meta.url), 'utf8')).toMatch(/q1-mish-derivative/);
  });
});
