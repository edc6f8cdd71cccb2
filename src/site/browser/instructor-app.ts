/**
 * Browser entry of the instructor page (bundled to `assets/instructor.js`): live KaTeX preview
 * of the answer, and the verdict from {@link checkInBrowser} on Check (or Ctrl+Enter).
 * User text is only ever rendered by KaTeX (errors shown as text) or inserted as text nodes.
 */
import katex from 'katex';
import type { InstructorTarget } from '../pages/instructor-page.ts';
import { checkInBrowser, type BrowserVerdict } from './check-in-browser.ts';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`instructor page: element #${id} missing`);
  return el as T;
};

/** Renders TeX into `el`; a formula KaTeX cannot read is shown as plain text with its error. */
function renderInto(el: HTMLElement, tex: string): void {
  try {
    katex.render(tex, el, { throwOnError: true, displayMode: true });
  } catch (error) {
    el.textContent = `cannot preview: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function line(parent: HTMLElement, tag: string, text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  parent.append(el);
  return el;
}

/** Text with `$…$` TeX (feedback, diagnosis): text parts as text nodes, formulas rendered by KaTeX. */
function renderFeedback(el: HTMLElement, text: string): void {
  text.split(/(\$[^$]+\$)/).forEach((part) => {
    if (part.startsWith('$') && part.endsWith('$') && part.length > 2) {
      const span = document.createElement('span');
      try {
        katex.render(part.slice(1, -1), span, { throwOnError: true });
      } catch {
        span.textContent = part;
      }
      el.append(span);
    } else el.append(document.createTextNode(part));
  });
}

function showVerdict(out: HTMLElement, v: BrowserVerdict): void {
  out.replaceChildren();
  const head = line(out, 'p', '', 'verdict');
  const badge = line(head, 'span', v.verdict === 'equivalent' ? '✔ equivalent' : v.verdict === 'not-equivalent' ? '✘ not equivalent' : '? undecided', `badge ${v.verdict}`);
  badge.dataset.verdict = v.verdict;
  if (v.score !== undefined) line(head, 'span', `  score ${v.score}`, 'note');
  if (v.feedback) renderFeedback(line(out, 'p', ''), v.feedback);
  if (v.diagnosis) renderFeedback(line(out, 'p', 'Diagnosis: '), v.diagnosis);
  line(out, 'p', `Method: ${v.method}`, 'steps');
  if (v.counterexample) {
    const c = v.counterexample;
    const point = Object.entries(c.point).map(([k, x]) => `${k} = ${x}`).join(', ');
    line(out, 'p', `At ${point}: expected ${c.expected}, answer ${c.answer} (difference ${c.difference}).`);
  }
  for (const note of v.notes) line(out, 'p', `Note: ${note}`, 'note');
}

function main(): void {
  const targets = JSON.parse($('targets').textContent ?? '[]') as InstructorTarget[];
  const bankText = (JSON.parse($('bank').textContent ?? 'null') as string | null) ?? undefined;
  const select = $<HTMLSelectElement>('target');
  const answer = $<HTMLTextAreaElement>('answer');
  const where = $<HTMLTextAreaElement>('where');
  const status = $('status');
  const out = $('verdict');
  const preview = () => renderInto($('preview'), answer.value);
  const showExpected = () => {
    const target = targets.find((t) => t.id === select.value);
    renderInto($('expected'), target?.expectedTex ?? '');
    $('prompt').innerHTML = target?.promptHtml ?? ''; // built by the site generator: escaped text and KaTeX only
  };
  const check = () => {
    const target = targets.find((t) => t.id === select.value);
    if (!target) return;
    status.textContent = 'checking…';
    const started = performance.now();
    try {
      const v = checkInBrowser(target, answer.value, where.value, bankText);
      renderInto($('read-as'), v.readAs);
      showVerdict(out, v);
      status.textContent = `checked in ${Math.round(performance.now() - started)} ms`;
    } catch (error) {
      out.replaceChildren();
      line(out, 'p', `Cannot read the answer: ${error instanceof Error ? error.message : String(error)}`, 'verdict');
      out.querySelector('p')!.dataset.verdict = 'error';
      status.textContent = '';
    }
  };
  answer.addEventListener('input', preview);
  answer.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) check();
  });
  $('check').addEventListener('click', check);
  select.addEventListener('change', showExpected);
  preview();
  showExpected();
  status.textContent = 'ready';
  document.body.dataset.ready = 'true';
}

main();
