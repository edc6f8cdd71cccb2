/**
 * Home: what was verified, at a glance — functions with their derivative verdicts, the source
 * document's alternative forms, and its claims.
 */
import type { ClaimReport, FunctionReport, VerifyReport } from '../../symbolic/index.ts';
import { renderTex } from '../render-tex.ts';
import { html, type Html } from '../safe-html.ts';
import { claimPagePath, functionPagePath, type SitePage } from '../site-page.ts';
import { verdictBadge } from '../verdict-badge.ts';

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function tally(label: string, counts: Map<string, number>): Html {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const parts = [...counts.entries()].sort().map(([status, n]) => html`<div>${verdictBadge(status)} ${n}</div>`);
  return html`<div class="card"><div class="count">${total}</div><div>${label}</div>${parts}</div>`;
}

function functionRow(fn: FunctionReport): Html {
  const statuses = countBy(fn.derivatives, (d) => d.proof.status);
  const forms = countBy(fn.forms, (f) => f.status);
  return html`<tr><td><a href="${functionPagePath(fn.name)}">${fn.title}</a></td><td>${renderTex(fn.tex)}</td>
<td>${[...statuses.entries()].map(([s, n]) => html`${verdictBadge(s)} ${n} `)}</td>
<td>${fn.forms.length ? [...forms.entries()].map(([s, n]) => html`${verdictBadge(s)} ${n} `) : '—'}</td></tr>`;
}

function claimRow(claim: ClaimReport): Html {
  return html`<tr><td>${verdictBadge(claim.status)}</td><td><a href="${claimPagePath(claim.id)}">${claim.statement}</a></td></tr>`;
}

/** The home page. `docs` lists the hand-written pages (path and title). */
export function homePage(report: VerifyReport, docs: readonly { path: string; title: string }[] = []): SitePage {
  const derivatives = report.functions.flatMap((f) => f.derivatives);
  const forms = report.functions.flatMap((f) => f.forms);
  const body = html`<h1>What gradproof verified</h1>
<p>Each catalog function was differentiated symbolically, each derivative proved equal to an independent
rewriting, each alternative form from the source document proved or refuted with a witness, and each claim
given a verdict. Verification took ${(report.millis / 1000).toFixed(2)} s.</p>
<div class="summary-grid">
${tally('functions (all derivatives proved?)', countBy(report.functions, (f) => (f.derivatives.every((d) => d.proof.status === 'proved') ? 'proved' : 'undecided')))}
${tally('derivatives', countBy(derivatives, (d) => d.proof.status))}
${tally('forms from the document', countBy(forms, (f) => f.status))}
${tally('claims', countBy(report.claims, (c) => c.status))}
</div>
<h2 id="functions">Functions</h2>
<table><tr><th>function</th><th>definition</th><th>derivatives</th><th>document's forms</th></tr>${report.functions.map(functionRow)}</table>
<h2 id="claims">Claims of the source document</h2>
${report.claims.length ? html`<table><tr><th>verdict</th><th>claim</th></tr>${report.claims.map(claimRow)}</table>` : html`<p class="note">No claims in this report.</p>`}
<h2>More</h2>
<ul><li><a href="experiments.html">Experiments</a>: training runs beside the source document's numbers.</li>
<li><a href="instructor.html">Instructor</a>: check a LaTeX answer in the browser.</li>
${docs.map((d) => html`<li><a href="${d.path}">${d.title}</a></li>`)}</ul>`;
  return { path: 'index.html', title: 'Home', body };
}
