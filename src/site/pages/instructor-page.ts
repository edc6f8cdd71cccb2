/**
 * The instructor page: paste a LaTeX answer, pick a catalog derivative (or a question), see the
 * KaTeX preview and the verdict. The checking runs in the browser, in the same library code as
 * the CLI, bundled by esbuild (`assets/instructor.js`); this module writes the page and the
 * list of targets it offers (as JSON data, not code).
 */
import type { VerifyReport } from '../../symbolic/index.ts';
import { html, trustedHtml, type Html } from '../safe-html.ts';
import type { SitePage } from '../site-page.ts';

/** Something an answer can be checked against. */
export interface InstructorTarget {
  readonly id: string;
  readonly label: string;
  /** Expected expression, mathjs text (parsed in the browser by the whitelisted parser). */
  readonly expected: string;
  /** TeX of the expected expression (shown only on request). */
  readonly expectedTex: string;
  readonly variables: readonly string[];
  /** A first derivative of a built-in catalog function: checked with the grader's diagnostics for derivatives. */
  readonly derivativeOf?: string;
  readonly wrt?: string;
  /** A question of the embedded bank: graded by its response tree. */
  readonly question?: string;
  /** The question's prompt as HTML (rendered at build time: escaped text and KaTeX). */
  readonly promptHtml?: string;
}

/** Site-root-relative path of the bundled checker. */
export const INSTRUCTOR_SCRIPT = 'assets/instructor.js';

const ORDINAL = { 1: '', 2: '²' } as const;

/**
 * Targets for every derivative of every catalog function in `report`. First derivatives of the
 * built-in functions (`builtin`: their names) are checked as "derivative of", the rest against
 * the expected expression.
 */
export function derivativeTargets(report: VerifyReport, builtin: ReadonlySet<string> = new Set()): InstructorTarget[] {
  return report.functions.flatMap((fn) => fn.derivatives.map((d) => ({
    id: `${fn.name}.d${d.order}.${d.wrt}`,
    label: `∂${ORDINAL[d.order]}/∂${d.wrt}${ORDINAL[d.order]} ${fn.title}`,
    expected: d.expression,
    expectedTex: d.tex,
    variables: [...fn.variables, ...fn.parameters],
    ...(d.order === 1 && builtin.has(fn.name) ? { derivativeOf: fn.name, wrt: d.wrt } : {}),
  })));
}

/** JSON safe to embed in a `<script type="application/json">` (no `</script>`, no `<!--`). */
function embedJson(value: unknown): Html {
  return trustedHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'));
}

/**
 * The instructor page, offering `targets` (bank questions first, then catalog derivatives).
 * `bankText` is the question bank's YAML, embedded as data so the browser grades with it.
 */
export function instructorPage(targets: readonly InstructorTarget[], bankText?: string, defaultTarget = 'mish.d1.x'): SitePage {
  const option = (t: InstructorTarget) => html`<option value="${t.id}"${t.id === defaultTarget ? trustedHtml(' selected') : ''}>${t.label}</option>`;
  const questions = targets.filter((t) => t.question);
  const derivatives = targets.filter((t) => !t.question);
  const options = [
    questions.length ? html`<optgroup label="Questions (question bank)">${questions.map(option)}</optgroup>` : '',
    html`<optgroup label="Catalog derivatives">${derivatives.map(option)}</optgroup>`,
  ];
  const body = html`<h1>Check an answer</h1>
<p>Paste what a student wrote (LaTeX as students write it, or plain text such as <code>x*sigmoid(x)</code>), pick what it
should equal, and press <em>Check</em>. The verdict is computed here, in your browser, by the same prover the
command line uses: <strong>proved</strong> equal (with the method), <strong>refuted</strong> with a point where the two differ,
or <strong>undecided</strong>. Nothing is sent anywhere.</p>
<div class="card">
<p><label for="target">Expected: </label><select id="target">${options}</select></p>
<div id="prompt" class="note"></div>
<details><summary>show the expected answer</summary><div class="formula" id="expected"></div></details>
<p><label for="answer">Answer (LaTeX):</label></p>
<textarea id="answer" spellcheck="false">\\tanh(\\ln(1+e^{x})) + \\frac{x e^{x}}{1+e^{x}} \\operatorname{sech}^2(\\ln(1+e^{x}))</textarea>
<p><label for="where">Definitions, one per line (optional), e.g. <code>\\omega = 4(x+1) + 4e^{2x}</code>:</label></p>
<textarea id="where" spellcheck="false" style="min-height:3em"></textarea>
<p><button id="check" type="button">Check</button> <span id="status" class="note">loading the checker…</span></p>
</div>
<h2>Preview</h2><div class="card formula" id="preview"></div>
<h2>Read as</h2><div class="card formula" id="read-as"></div>
<h2>Verdict</h2><div class="card" id="verdict" aria-live="polite"><span class="note">Press Check.</span></div>
<script type="application/json" id="targets">${embedJson(targets)}</script>
<script type="application/json" id="bank">${embedJson(bankText ?? null)}</script>`;
  return { path: 'instructor.html', title: 'Instructor', body, scripts: [INSTRUCTOR_SCRIPT] };
}
