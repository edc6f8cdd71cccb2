/**
 * The Q2 result as Markdown: initial losses beside the document's, the curve readings side by
 * side, the claims checked, and the curves as a table.
 */
import type { BceVsMseResult, BinaryRun } from './bce-vs-mse.ts';

const f = (v: number, d = 4) => (Number.isFinite(v) ? v.toFixed(d) : '—');

/** Markdown of a {@link BceVsMseResult}. */
export function formatBceVsMseMarkdown(r: BceVsMseResult): string {
  const s = r.settings;
  const row = (label: string, get: (run: BinaryRun) => string) => `| ${label} | ${get(r.bce)} | ${get(r.mse)} |`;
  const lines = [
    '# Q2 — binary cross-entropy vs mean squared error',
    '',
    `Task: ${r.task}. Data: ${r.dataset.description}; ${r.dataset.train} train / ${r.dataset.validation} validation / ${r.dataset.test} test images. ` +
      `CNN of Q3 (ReLU) with a sigmoid unit, same initial weights for both, Adam lr ${s.lr}, batch ${s.batchSize}, ${s.epochs} epochs, seed ${s.seed}. Engine: ${r.engine}.`,
    '',
    '| | BCE | MSE |',
    '|---|---|---|',
    row('initial loss (ours / document)', (x) => `${f(x.initialLoss)} / ${f(x.claimedInitialLoss, 2)}`),
    row('mean initial output (claim assumes 0.5)', (x) => f(x.initialMeanOutput)),
    row('best epoch by validation loss', (x) => String(x.reading.bestEpoch)),
    row(`early stopping (patience ${s.patience}) stops after epoch`, (x) => (x.reading.earlyStopEpoch === null ? `never (ran ${s.epochs})` : String(x.reading.earlyStopEpoch))),
    row('validation loss still falling at the end', (x) => (x.reading.stillImproving ? 'yes' : 'no')),
    row('validation loss rise after its minimum', (x) => f(x.reading.riseAfterBest)),
    row('train/validation gap at the end (absolute)', (x) => f(x.reading.gapAtEnd)),
    row('train/validation gap at the end (relative to train loss)', (x) => f(x.reading.relativeGapAtEnd, 3)),
    row('test accuracy after the last epoch', (x) => f(x.test.acc)),
    '',
    `BCE's relative train/validation gap is ${r.bceGapLarger ? 'larger' : 'not larger'} than MSE's at the end of training` +
      ` (the document argues it is larger because BCE is unbounded). The absolute gaps are on different scales (MSE ≤ 1), so the relative gap is the fair comparison.`,
    '',
    '## Curves (loss being trained; train / validation)',
    '',
    '| epoch | BCE train | BCE validation | MSE train | MSE validation |',
    '|---|---|---|---|---|',
  ];
  r.bce.curve.forEach((p, i) => {
    const m = r.mse.curve[i];
    lines.push(`| ${p.epoch} | ${f(p.train.bce)} | ${f(p.validation.bce)} | ${m === undefined ? '—' : f(m.train.mse)} | ${m === undefined ? '—' : f(m.validation.mse)} |`);
  });
  return `${lines.join('\n')}\n`;
}
