/**
 * The coloured label for a verdict (proved, refuted, numerical, undecided, …), used on every
 * page so that the same status always looks the same.
 */
import { html, type Html } from './safe-html.ts';

/** Display text of each known status; unknown statuses are shown as written. */
const LABELS: Readonly<Record<string, string>> = {
  proved: '✔ proved',
  refuted: '✘ refuted',
  numerical: '≈ numerical',
  undecided: '? undecided',
  equivalent: '✔ equivalent',
  'not-equivalent': '✘ not equivalent',
  pass: '✔ pass',
  fail: '✘ fail',
  missing: '– missing',
};

/** A badge for `status` (class = the status, for colour). */
export function verdictBadge(status: string): Html {
  const cls = /^[a-z-]+$/.test(status) ? status : 'undecided';
  return html`<span class="badge ${cls}">${LABELS[status] ?? status}</span>`;
}
