/**
 * The Q3 report as Markdown: results table (ours / document), orderings, PReLU α and Swish-β β
 * per layer, the α = +1 findings.
 */
import type { LearnedParam } from '../final-summary.ts';
import type { OrderingAgreement } from './ordering-agreement.ts';
import type { LayerParamComparison, Q3Report } from './q3-report.ts';

const f4 = (v: number | undefined | null) => (v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(4));
const pair = (ours: number | undefined, doc: number | undefined) => `${f4(ours)} / ${f4(doc)}`;

/** Markdown of a {@link Q3Report}. */
export function formatQ3Markdown(report: Q3Report): string {
  const s = report.manifest.settings;
  const lines: string[] = [];
  lines.push('# Q3 — LeakyReLU α sweep and PReLU on MNIST + inverted', '');
  lines.push(`Settings: data \`${s.data}\`${s.limit === null ? '' : ` (limit ${s.limit} originals per split)`}, ${s.epochs} epoch${s.epochs === 1 ? '' : 's'}, batch ${s.batchSize}, ${s.optimizer}${s.lr === null ? '' : ` lr ${s.lr}`}, seed ${s.seed}, patience ${s.patience}` +
    `${report.manifest.shard === null ? '' : `, shard ${report.manifest.shard.index}/${report.manifest.shard.count}`}. The document does not state its optimiser, batch size or epochs; it trained on the full 120,000-image MNIST + inverted set.`, '');
  lines.push('| activation | train loss (ours / doc) | train acc | test loss | test acc | status |', '|---|---|---|---|---|---|');
  for (const r of report.rows) {
    lines.push(`| ${r.label} | ${pair(r.ours?.train.loss, r.document?.train.loss)} | ${pair(r.ours?.train.acc, r.document?.train.acc)} | ${pair(r.ours?.test.loss, r.document?.test.loss)} | ${pair(r.ours?.test.acc, r.document?.test.acc)} | ${r.status}${r.error === null ? '' : `: ${r.error.replace(/\|/g, '\\|')}`} |`);
  }
  lines.push('', '## Orderings', '');
  lines.push(ordering('Test loss (smallest first)', report.orderings.testLoss, ' < '));
  lines.push(ordering('Test accuracy (largest first; claimed: the reverse of the loss order)', report.orderings.testAccuracy, ' > '));
  if (report.prelu !== null) lines.push('', '## PReLU α per layer', '', ...paramTable(report.prelu));
  if (report.swishBeta !== null) lines.push('', '## Swish-β β per layer', '', 'The document gives no β values; β = 1 is Swish, β → 0 a linear unit (x/2), β → ∞ ReLU.', '', ...paramTable(report.swishBeta));
  lines.push('', '## α = +1: "the network collapses to a linear model and MNIST is not linearly separable"', '');
  const id = report.identity;
  const la = (v: { loss: number; acc: number } | null) => (v === null ? 'not run' : `test loss ${f4(v.loss)}, test acc ${f4(v.acc)}`);
  lines.push(`- identity network, plain MNIST: ${la(id.plain)}`);
  lines.push(`- identity network (= LeakyReLU α = +1), MNIST + inverted: ${la(id.inverted)}; document: ${la(id.documentInverted)}`);
  lines.push(`- chance: accuracy ${id.chanceAccuracy}, uniform-guess loss ln 10 = ${id.uniformGuessLoss.toFixed(4)}`);
  for (const finding of id.findings) lines.push(`- ${finding}`);
  if (report.missing.length > 0) lines.push('', `Not in this directory: ${report.missing.join(', ')} (another shard, or not run yet; \`mergeSweeps\` joins shards).`);
  return `${lines.join('\n')}\n`;
}

function ordering(title: string, o: OrderingAgreement, sep: string): string {
  if (o.pairs === 0) return `- ${title}: fewer than two results to compare.`;
  return `- ${title}: claimed ${o.claimed.join(sep)}; measured ${o.measured.join(sep)}; ` +
    `${o.identical ? 'identical' : 'different'} — ${o.pairsAgreeing} of ${o.pairs} pairs agree (Kendall τ = ${o.kendallTau.toFixed(2)}).`;
}

function paramTable(layers: readonly LayerParamComparison[]): string[] {
  const vals = (p: LearnedParam | { values: readonly number[] } | null) => (p === null ? '—' : p.values.map((v) => v.toFixed(4)).join(', '));
  const out = ['| layer | ours: values | ours: mean ± std | document: values | document: mean ± std |', '|---|---|---|---|---|'];
  for (const l of layers) {
    out.push(`| ${l.layer} | ${vals(l.ours)} | ${l.ours === null ? '—' : `${f4(l.ours.mean)} ± ${f4(l.ours.std)}`} | ${vals(l.document)} | ${l.document === null ? '—' : `${f4(l.document.mean)} ± ${f4(l.document.std)}`} |`);
  }
  return out;
}
