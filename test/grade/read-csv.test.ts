import { describe, expect, it } from 'vitest';
import { readCsv, submissionsFromCsv, submissionsFromJson } from '../../src/grade/index.ts';

describe('readCsv (RFC 4180)', () => {
  it('reads plain and quoted fields, doubled quotes, commas and new lines inside quotes, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n';
    const { records, errors } = readCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([['a', 'b', 'c'], ['1', 'x, y', 'say "hi"'], ['2', 'two\nlines', '']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reports malformed records with their line and keeps reading', () => {
    const { records, errors } = readCsv('a,b\n1,x"y\n2,"ok"z\n3,fine\n4,"open\n');
    expect(records.map((r) => r.fields[0])).toEqual(['a', '3']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(errors[0]!.message).toMatch(/no '"' inside an unquoted field/);
    expect(errors[1]!.message).toMatch(/after a closing quote/);
    expect(errors[2]!.message).toMatch(/unterminated quoted field/);
  });

  it('skips only truly blank lines', () => {
    expect(readCsv('a\n\n\nb\n').records.map((r) => r.fields)).toEqual([['a'], ['b']]);
  });
});

describe('submissions', () => {
  it('reads CSV rows with the where column, any column order, and keeps malformed rows as errors', () => {
    const csv = 'question,student,answer,where\nq1,ann,"\\frac{1}{x}",\nq1,bob,x,"\\omega = x"\nq1,cy\nq1,dee,"x""\n';
    const rows = submissionsFromCsv(csv, 'subs.csv');
    expect(rows.map((r) => [r.row, r.student, r.question, r.answer, r.where ?? null, Boolean(r.error)])).toEqual([
      [1, 'ann', 'q1', '\\frac{1}{x}', null, false],
      [2, 'bob', 'q1', 'x', '\\omega = x', false],
      [3, 'cy', 'q1', '', null, true],
      [4, 'dee', 'q1', 'x"\n', null, true],
    ]);
    expect(rows[2]!.error).toMatch(/subs\.csv:4: expected 4 fields, got 2/);
    expect(rows[3]!.error).toMatch(/subs\.csv:5: unterminated/);
  });

  it('refuses a CSV without the required header', () => {
    expect(() => submissionsFromCsv('name,answer\nann,x\n', 's.csv')).toThrow(/s\.csv:1: header: expected columns student,question,answer/);
    expect(() => submissionsFromCsv('', 's.csv')).toThrow(/expected a header row/);
  });

  it('reads JSON arrays and {submissions}, marking bad entries', () => {
    const rows = submissionsFromJson(JSON.stringify({ submissions: [{ student: 'a', question: 'q', answer: 'x' }, { student: 'b', answer: 3 }] }), 's.json');
    expect(rows[0]).toMatchObject({ row: 1, student: 'a', question: 'q', answer: 'x' });
    expect(rows[1]!.error).toMatch(/no question, answer/);
    expect(() => submissionsFromJson('{', 's.json')).toThrow(/invalid JSON/);
    expect(() => submissionsFromJson('{"a":1}', 's.json')).toThrow(/expected an array/);
  });
});
