import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, gradeReportCsv, gradeReportHtml, readCsv, renderTex, summarize, type GradedRow, type GradeReport } from '../../src/grade/index.ts';

const row = (over: Partial<GradedRow>): GradedRow => ({
  row: 1, line: 2, student: 's', question: 'q', answer: 'x', status: 'graded', verdict: 'equivalent', score: 1, feedback: 'Correct.', notes: [], elapsedMs: 3, ...over,
});

describe('reports', () => {
  it('CSV cells are quoted per RFC 4180 and guarded against formula injection', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('-x')).toBe("'-x");
    const text = gradeReportCsv([row({ answer: '=1+1', student: 'a\nb' }), row({ row: 2, status: 'parse-error', verdict: undefined, error: { code: 'GP_PARSE', message: 'bad (at position 3)' } })]);
    const parsed = readCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(3);
    expect(parsed.records[1]!.fields[2]).toBe('a\nb');
    expect(parsed.records[2]!.fields[16]).toBe('GP_PARSE');
  });

  it('HTML escapes everything a student typed and renders TeX with KaTeX', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(renderTex('\\frac{1}{x}')).toContain('class="katex"');
    expect(renderTex('\\href{javascript:alert(1)}{x}')).not.toContain('href="javascript');
    const rows = [row({ answer: '<img src=x onerror=alert(1)>', readAs: 'x', student: '<b>' })];
    const report: GradeReport = {
      schemaVersion: 1, generatedAt: '2026-01-01T00:00:00.000Z', bank: { file: 'b.yaml', questions: [{ id: 'q', prompt: 'Find $x^2$ <now>', expectedTex: 'x' }] },
      summary: summarize(rows), elapsedMs: 1, workers: 1, rows,
    };
    const html = gradeReportHtml(report);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;now&gt;');
    expect(html).toContain('data:font/woff2;base64,');
  });

  it('HTML shows a diagnosis with its formula rendered, never as raw TeX', () => {
    const diagnosis = {
      kind: 'missing-chain-factor', evidence: 'proved', fields: { factor: 'sigmoid(x)' },
      message: 'a chain-rule factor is missing: the answer lacks the inner derivative sigmoid(x)',
      messageTex: 'a chain-rule factor is missing: the answer lacks the inner derivative ${\\sigma\\left({x}\\right)}$',
    } as const;
    const rows = [row({ verdict: 'not-equivalent', score: 0, feedback: `Incorrect: ${diagnosis.message}.`, diagnosis })];
    const report: GradeReport = {
      schemaVersion: 1, generatedAt: '2026-01-01T00:00:00.000Z', bank: { file: 'b.yaml', questions: [{ id: 'q', prompt: 'p', expectedTex: 'x' }] },
      summary: summarize(rows), elapsedMs: 1, workers: 1, rows,
    };
    const html = gradeReportHtml(report);
    const details = html.slice(html.indexOf('diagnosis: missing-chain-factor (proved): '));
    expect(details).toMatch(/^diagnosis: missing-chain-factor \(proved\): a chain-rule factor is missing: the answer lacks the inner derivative <span class="katex">/);
    expect(html).not.toContain('\\sigma\\left');
    expect(html).toContain('Incorrect: a chain-rule factor is missing: the answer lacks the inner derivative sigmoid(x).');
  });

  it('summarize counts statuses, verdicts and mean scores per question', () => {
    const s = summarize([row({}), row({ verdict: 'not-equivalent', score: 0 }), row({ question: 'r', status: 'timeout', verdict: undefined, score: 0 })]);
    expect(s).toMatchObject({ submissions: 3, graded: 2, timeouts: 1, equivalent: 1, notEquivalent: 1 });
    expect(s.byQuestion.q).toEqual({ submissions: 2, meanScore: 0.5 });
    expect(s.meanScore).toBeCloseTo(1 / 3);
  });
});
