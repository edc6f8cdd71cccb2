/**
 * One claim of the source document: its statement, verdict and evidence; a refuted claim shows
 * the statement that does hold.
 */
import type { ClaimReport } from '../../symbolic/index.ts';
import { html } from '../safe-html.ts';
import { claimPagePath, type SitePage } from '../site-page.ts';
import { verdictBadge } from '../verdict-badge.ts';

/** What each verdict means, shown under it. */
const MEANING: Readonly<Record<string, string>> = {
  proved: 'Proved symbolically: holds exactly, for every input in the stated domain.',
  refuted: 'Refuted: it does not hold as stated; the evidence gives a counterexample or the exact value.',
  numerical: 'Supported numerically only (high-precision evaluation), not proved.',
  undecided: 'Undecided: neither proved nor refuted; the reason is given.',
};

/** The page of one claim. */
export function claimPage(claim: ClaimReport): SitePage {
  const correct = claim.correctStatement
    ? html`<div class="card"><h2>What holds instead</h2><p>${claim.correctStatement}</p></div>`
    : claim.status === 'refuted'
      ? html`<p class="note">No corrected statement was recorded for this claim.</p>`
      : html``;
  const body = html`<p class="note"><a href="../index.html#claims">All claims</a> · <code>${claim.id}</code></p>
<h1>Claim ${verdictBadge(claim.status)}</h1>
<div class="card"><p class="verdict">${claim.statement}</p><p class="note">${MEANING[claim.status] ?? ''}</p></div>
<h2>Evidence</h2><div class="card"><p>${claim.detail}</p></div>
${correct}`;
  return { path: claimPagePath(claim.id), title: `Claim ${claim.id}`, body };
}
