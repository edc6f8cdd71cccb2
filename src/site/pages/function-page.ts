/**
 * One catalog function: definition, each derivative with its derivation steps and proof
 * certificate, every alternative form with its verdict and certificate or witness, plots, and
 * the numerical evidence (accuracy, gradcheck, property suites) when it was measured.
 */
import type { DerivativeReport, FormReport, FunctionReport } from '../../symbolic/index.ts';
import type { FunctionEvidence, GradcheckEvidence } from '../function-evidence.ts';
import { linePlot } from '../plot-svg.ts';
import { renderTex } from '../render-tex.ts';
import { html, type Html } from '../safe-html.ts';
import { functionPagePath, type SitePage } from '../site-page.ts';
import { verdictBadge } from '../verdict-badge.ts';

const ORDINAL = { 1: 'first', 2: 'second' } as const;
/** Width of the combined plot: the page's content width. */
const WIDE_PLOT_WIDTH = 960;

function derivativeTex(fn: FunctionReport, d: DerivativeReport): string {
  const head = d.order === 1 ? `\\frac{\\partial f}{\\partial ${varTex(d.wrt)}}` : `\\frac{\\partial^2 f}{\\partial ${varTex(d.wrt)}^2}`;
  return `${head} = ${d.tex}`;
}

/** TeX of a variable name: Greek names as commands, indexed names (z1) with a subscript. */
export function varTex(name: string): string {
  const greek = /^(alpha|beta|gamma|delta|lambda|mu|omega|sigma|tau|theta)$/.test(name);
  if (greek) return `\\${name}`;
  const indexed = /^([A-Za-z])(\d+)$/.exec(name);
  if (indexed) return `${indexed[1]}_{${indexed[2]}}`;
  return name.length === 1 ? name : `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

/**
 * A proof certificate, folded. Lines with TeX are rendered by KaTeX; lines whose TeX is only
 * `\text{…}` (prose) are shown from the text version, which reads better.
 */
function certificate(lines: readonly string[] | undefined, texLines?: readonly string[]): Html {
  if (!lines || lines.length === 0) return html``;
  const useTex = texLines !== undefined && texLines.length === lines.length;
  const items = lines.map((line, i) => {
    const tex = useTex ? texLines[i]! : undefined;
    return tex && !tex.startsWith('\\text{') ? html`<li class="formula">${renderTex(tex)}</li>` : html`<li>${line}</li>`;
  });
  return html`<details><summary>certificate (${lines.length} steps)</summary><ol class="certificate">${items}</ol></details>`;
}

function derivativeSection(fn: FunctionReport, d: DerivativeReport): Html {
  const branches = d.branches?.length
    ? html`<p>By branch (the kink itself is reported, not smoothed over):</p><div class="formula">${d.branches.map((b) =>
        renderTex(`${b.tex} \\quad (${varTex(d.wrt)} ${b.relation} ${b.at})`, { display: true }))}</div>`
    : html``;
  return html`<div class="card" id="d${d.order}-${d.wrt}">
<h3>${ORDINAL[d.order]} derivative with respect to ${renderTex(varTex(d.wrt))} ${verdictBadge(d.proof.status)}</h3>
<div class="formula">${renderTex(derivativeTex(fn, d), { display: true })}</div>
${branches}
${d.steps.length ? html`<p class="steps">Derivation: ${d.steps.join(' → ')}</p>` : ''}
<p class="steps">Proof: ${d.proof.method}${d.proof.detail ? html` — ${d.proof.detail}` : ''}</p>
${certificate(d.proof.certificate, d.proof.certificateTex)}
</div>`;
}

function formSection(f: FormReport, where: Readonly<Record<string, string>> | undefined): Html {
  const definitions = where && Object.keys(where).length
    ? html`<p class="note">where</p><div class="formula">${renderTex(Object.entries(where).map(([name, tex]) => `${varTex(name)} = ${tex}`).join(',\\quad '), { display: true })}</div>`
    : html``;
  const witness = f.witness
    ? html`<table><tr><th>witness point</th><th>this form</th><th>correct value</th><th>difference</th></tr>
<tr><td>${Object.entries(f.witness.point).map(([k, v]) => `${k} = ${v}`).join(', ')}</td><td class="num">${f.witness.form}</td><td class="num">${f.witness.expected}</td><td class="num">${f.witness.difference}</td></tr></table>`
    : html``;
  return html`<div class="card" id="form-${f.id}">
<h3>${f.source} ${verdictBadge(f.status)}</h3>
<p class="note">claimed equal to ${f.target}</p>
<div class="formula">${renderTex(f.tex, { display: true })}</div>
${definitions}
${f.method ? html`<p class="steps">Method: ${f.method}</p>` : ''}
${f.note ? html`<p class="note">Note: ${f.note}</p>` : ''}
${witness}
${certificate(f.certificate, f.certificateTex)}
</div>`;
}

function plots(fn: FunctionReport, evidence: FunctionEvidence): Html {
  const curves = evidence.curves;
  if (!curves) return html`<p class="note">No plot: no float64 evaluator was available when this site was built.</p>`;
  const fixed = Object.entries(curves.fixed).map(([k, v]) => `${k} = ${v}`).join(', ');
  const caption = `${fn.title} and its derivatives in ${curves.variable}${fixed ? ` (${fixed})` : ''}`;
  const together = html`<figure class="wide">${linePlot({ series: curves.series, xLabel: curves.variable, yLabel: 'value', width: WIDE_PLOT_WIDTH, height: 340 })}<figcaption>${caption}</figcaption></figure>`;
  return html`<div class="plots">${together}</div>`;
}

function gradcheckRow(g: GradcheckEvidence): Html {
  const w = g.worst;
  return html`<tr><td>${g.wrt}</td><td>${verdictBadge(g.status)}</td><td class="num">${g.checked}</td>
<td class="num">${w ? w.point.toPrecision(6) : '—'}</td><td class="num">${w ? w.absError.toExponential(2) : '—'}</td>
<td class="num">${w ? w.relError.toExponential(2) : '—'}</td><td>${w?.oracle ?? '—'}</td><td>${(g.kinks ?? []).length ? (g.kinks ?? []).map((k) => html`<div>${k}</div>`) : '—'}</td></tr>`;
}

function numerics(evidence: FunctionEvidence): Html {
  const a = evidence.accuracy;
  const accuracy = a
    ? html`<p>Compiled kernel vs the 50-digit reference over ${a.range}: ${a.points} points, max error ${a.maxUlp} ulp${a.medianUlp === undefined ? '' : `, median ${a.medianUlp} ulp`}.</p>`
    : html`<p class="note">Kernel accuracy against the high-precision reference: not measured in this build.</p>`;
  const checks = evidence.gradchecks ?? [];
  const gradcheck = checks.length
    ? html`<p>Each first derivative checked by gradcheck against numerical oracles (grid, seeded random and special points;
tolerances from each oracle's error estimate). The worst point is the one with the largest error relative to its tolerance;
kinks are reported with their one-sided derivatives, not as failures.</p>
<table><tr><th>wrt</th><th>status</th><th class="num">points</th><th class="num">worst at</th><th class="num">abs error</th><th class="num">rel error</th><th>oracle</th><th>kinks</th></tr>${checks.map(gradcheckRow)}</table>
`
    : html`<p class="note">Gradient check (gradcheck layer): not run in this build.</p>`;
  const s = evidence.stepCurve;
  const stepCurve = s
    ? html`<div class="plots"><figure>${linePlot({ series: [{ name: 'central difference', points: s.points }], xLabel: 'step h', yLabel: 'absolute error', logX: true, logY: true, dots: true })}
<figcaption>|(f(x+h) − f(x−h))/2h − f′(x)| at ${s.variable} = ${s.at}, against the proved f′: truncation error falls as h², rounding error grows as 1/h. A wrong f′ would leave a floor no step removes.</figcaption></figure></div>`
    : html``;
  const props = evidence.properties ?? [];
  const properties = props.length
    ? html`<table><tr><th>property suite</th><th class="num">cases</th><th>status</th></tr>${props.map((p) => html`<tr><td>${p.name}</td><td class="num">${p.runs}</td><td>${verdictBadge(p.status)}</td></tr>`)}</table>`
    : html`<p class="note">Property suites: none recorded for this function in this build.</p>`;
  return html`<h2>Numerical accuracy</h2>${accuracy}<h2>Gradient check</h2>${gradcheck}${stepCurve}<h2>Property suites</h2>${properties}`;
}

/**
 * The page of one catalog function. `formWhere` gives, per form id, the TeX of the auxiliary
 * definitions the form uses (ω, δ of the Mish closed form), taken from the catalog entry.
 */
export function functionPage(fn: FunctionReport, evidence: FunctionEvidence = {}, formWhere: Readonly<Record<string, Readonly<Record<string, string>>>> = {}): SitePage {
  const inputs = fn.variables.map(varTex).join(', ');
  const params = fn.parameters.length ? html`; parameters ${renderTex(fn.parameters.map(varTex).join(', '))}` : '';
  const kinks = fn.kinks.length
    ? html`<p>Not differentiable at ${fn.kinks.map((k) => renderTex(`${varTex(k.variable)} = ${k.at}`))}: derivatives below hold on each side; gradcheck reports the kink with its one-sided derivatives.</p>`
    : html``;
  const body = html`<h1>${fn.title}</h1>
<div class="card"><div class="formula">${renderTex(fn.tex, { display: true })}</div>
<p class="note">Inputs ${renderTex(inputs)}${params}. Definition as proved: <code>${fn.expression}</code></p>${kinks}</div>
<h2>Plots</h2>${plots(fn, evidence)}
<h2>Derivatives</h2>${fn.derivatives.map((d) => derivativeSection(fn, d))}
<h2>Forms from the source document</h2>${fn.forms.length ? fn.forms.map((f) => formSection(f, formWhere[f.id])) : html`<p class="note">The source document gives no alternative form of ${fn.title}.</p>`}
${numerics(evidence)}`;
  return { path: functionPagePath(fn.name), title: fn.title, body };
}
