/**
 * report.html: one self-contained page. TeX is rendered server-side with KaTeX (renderToString,
 * untrusted commands off); KaTeX's CSS is inlined with its fonts as woff2 data URLs taken from
 * the installed katex package, so the page needs no network and no files beside it. Everything
 * else a student typed is HTML-escaped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import type { GradeReport } from './grade-report.ts';
import type { GradedRow } from './grade-row.ts';

/** KaTeX limits for rendering: no macro bombs, no huge sizes, no \href or \includegraphics. */
const KATEX_OPTIONS = { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 200, maxSize: 20, output: 'html' } as const;

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** TeX rendered by KaTeX (errors shown as KaTeX shows them, never thrown). */
export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
}

/** Text with `$…$` spans rendered as TeX and the rest escaped (for prompts). */
export function renderMixed(text: string): string {
  return text.split(/(\$[^$]+\$)/g).map((part) => (/^\$[^$]+\$$/.test(part) ? renderTex(part.slice(1, -1)) : escapeHtml(part))).join('');
}

let cachedCss: string | undefined;

/** KaTeX's CSS with every font as an inline woff2 data URL. */
export function inlineKatexCss(): string {
  if (cachedCss) return cachedCss;
  const dist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  cachedCss = css.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)[^;}]*/g, (_, font: string) => {
    const data = readFileSync(join(dist, 'fonts', `${font}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return cachedCss;
}

const PAGE_CSS = `
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}th{background:#f4f4f4;position:sticky;top:0}
.equivalent{color:#116611}.not-equivalent{color:#a31515}.undecided{color:#8a6100}.error{color:#a31515}
code{background:#f6f6f6;padding:0 .2rem;white-space:pre-wrap;word-break:break-all}.notes{color:#555;font-size:.9em}
.summary span{margin-right:1.2rem}`;

/** The HTML text of the report. */
export function gradeReportHtml(report: GradeReport): string {
  const s = report.summary;
  const questions = report.bank.questions.map((q) => `<li><b>${escapeHtml(q.id)}</b>: ${renderMixed(q.prompt)}<br>expected: ${renderTex(q.expectedTex)}</li>`).join('\n');
  const rows = report.rows.map(rowHtml).join('\n');
  const title = escapeHtml(report.bank.title ?? report.bank.file);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gradproof report: ${title}</title>
<style>${inlineKatexCss()}</style><style>${PAGE_CSS}</style></head>
<body><h1>gradproof report: ${title}</h1>
<p class="summary"><span>${s.submissions} submissions</span><span>${s.equivalent} equivalent</span><span>${s.notEquivalent} not equivalent</span>
<span>${s.undecided} undecided</span><span>${s.parseErrors} parse errors</span><span>${s.timeouts} timeouts</span><span>${s.unknownQuestions} unknown questions</span>
<span>mean score ${s.meanScore.toFixed(3)}</span></p>
<h2>Questions</h2><ul>${questions}</ul>
<h2>Submissions</h2>
<table><thead><tr><th>#</th><th>student</th><th>question</th><th>answer</th><th>read as</th><th>verdict</th><th>score</th><th>feedback</th><th>details</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="notes">Generated ${escapeHtml(report.generatedAt)} by gradproof (report schema ${report.schemaVersion}).</p>
</body></html>
`;
}

function rowHtml(r: GradedRow): string {
  const verdict = r.status === 'graded' ? `<span class="${r.verdict}">${r.verdict}</span>` : `<span class="error">${escapeHtml(r.status)}</span>`;
  const details: string[] = [];
  if (r.diagnosis) details.push(`diagnosis: ${escapeHtml(r.diagnosis.kind)} (${r.diagnosis.evidence}): ${renderMixed(r.diagnosis.messageTex)}`);
  if (r.method) details.push(`method: ${escapeHtml(r.method)}`);
  if (r.counterexample) {
    const at = Object.entries(r.counterexample.point).map(([k, v]) => `${escapeHtml(k)} = ${escapeHtml(v)}`).join(', ');
    details.push(`counterexample at ${at}: expected ${escapeHtml(r.counterexample.expected.slice(0, 24))}…, answer ${escapeHtml(r.counterexample.answer.slice(0, 24))}…`);
  }
  if (r.error) details.push(`${escapeHtml(r.error.code)}: ${escapeHtml(r.error.message)}`);
  for (const n of r.notes) details.push(escapeHtml(n));
  const where = r.where ? `<br><span class="notes">where <code>${escapeHtml(r.where)}</code></span>` : '';
  return `<tr><td>${r.row}</td><td>${escapeHtml(r.student)}</td><td>${escapeHtml(r.question)}</td><td><code>${escapeHtml(r.answer)}</code>${where}</td>` +
    `<td>${r.readAs ? renderTex(r.readAs) : ''}</td><td>${verdict}</td><td>${r.score}</td><td>${renderMixed(r.feedback)}</td>` +
    `<td class="notes">${details.join('<br>')}</td></tr>`;
}
