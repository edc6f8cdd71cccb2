/**
 * Experiments: the source document's Q3 table beside ours, learning curves, learned PReLU α /
 * Swish-β β per layer, the Q2 (BCE vs MSE) curves and the output-landscape images, from the
 * run directories given with `--runs`. Says plainly when no run was given and what is missing.
 */
import { linePlot, type PlotSeries } from '../plot-svg.ts';
import { dirname, resolve } from 'node:path';
import { renderMarkdown } from '../markdown.ts';
import type { JsonObject, RunDocument, RunsFound } from '../runs/read-runs.ts';
import { summarizeRun, type RunSummary } from '../runs/run-summary.ts';
import { meanStd, SEED_PRELU_ALPHA, SEED_Q3_TABLE, sweepConfigurations, type SeedQ3Row } from '../../train/index.ts';
import { html, type Html } from '../safe-html.ts';
import type { SitePage } from '../site-page.ts';

/** Images copied into the site: source file → site-root-relative path. */
export type ImageMap = ReadonlyMap<string, string>;

const fmt = (v: number | undefined, digits = 4): string => (v === undefined ? '—' : v.toFixed(digits));

/** The activation behind each row of the document's table, from the sweep's own configurations. */
const SEED_ACTIVATIONS = new Map(sweepConfigurations('seed-q3').map((c) => [c.id, c.activation]));

function matches(row: SeedQ3Row, run: RunSummary): boolean {
  const spec = SEED_ACTIVATIONS.get(row.id);
  if (spec === undefined) return false;
  if (spec.name === 'prelu') return run.activation === 'prelu';
  const alpha = run.activation === 'relu' ? 0 : run.activation === 'abs' ? -1 : run.activation === 'identity' ? 1 : run.alpha;
  return (run.activation === 'leaky_relu' || run.activation === 'relu' || run.activation === 'abs' || run.activation === 'identity') && alpha === spec.params.alpha;
}

function q3Table(all: readonly RunSummary[]): Html {
  const runs = all.filter((r) => r.loss === undefined); // Q2 runs (BCE/MSE) are not part of the sweep
  // Runs on plain MNIST are not what the document measured: listed below the table rows, never matched.
  const used = new Set<RunSummary>(runs.filter((r) => r.inverted === false));
  const rows = SEED_Q3_TABLE.map((row) => {
    const ours = runs.find((r) => !used.has(r) && matches(row, r));
    if (ours) used.add(ours);
    return html`<tr><td>${row.label}</td>
<td class="num">${fmt(row.train.loss)}</td><td class="num">${fmt(row.train.acc)}</td><td class="num">${fmt(row.test.loss)}</td><td class="num">${fmt(row.test.acc)}</td>
<td class="num">${fmt(ours?.trainLoss)}</td><td class="num">${fmt(ours?.trainAcc)}</td><td class="num">${fmt(ours?.testLoss)}</td><td class="num">${fmt(ours?.testAcc)}</td>
<td>${ours ? ours.name : html`<span class="badge missing">no run</span>`}</td></tr>`;
  });
  const extra = runs.filter((r) => (!used.has(r) || r.inverted === false) && (r.testLoss !== undefined || r.trainLoss !== undefined)).map((r) => html`<tr><td>${r.label}</td>
<td colspan="4" class="note">not in the document</td>
<td class="num">${fmt(r.trainLoss)}</td><td class="num">${fmt(r.trainAcc)}</td><td class="num">${fmt(r.testLoss)}</td><td class="num">${fmt(r.testAcc)}</td><td>${r.name}</td></tr>`);
  return html`<table><tr><th rowspan="2">activation</th><th colspan="4">source document</th><th colspan="4">this run</th><th rowspan="2">run</th></tr>
<tr><th class="num">train loss</th><th class="num">train acc</th><th class="num">test loss</th><th class="num">test acc</th><th class="num">train loss</th><th class="num">train acc</th><th class="num">test loss</th><th class="num">test acc</th></tr>
${rows}${extra}</table>`;
}

function meanStdText(values: readonly number[]): string {
  const { mean, std } = meanStd(values);
  return `${mean.toFixed(4)} ± ${std.toFixed(4)}`;
}

function learnedSection(runs: readonly RunSummary[]): Html {
  const withParams = runs.filter((r) => Object.keys(r.learned).length);
  if (!withParams.length) return html`<p class="note">No learned α or β found in the runs' final.json.</p>`;
  const rows = withParams.flatMap((r) => Object.entries(r.learned).flatMap(([param, layers]) => layers.map((values, i) => {
    const seed = r.activation === 'prelu' && param === 'alpha' ? SEED_PRELU_ALPHA[i]?.values : undefined;
    return html`<tr><td>${r.label}</td><td>${param} · layer ${i + 1}</td><td class="num">${values.map((v) => v.toFixed(3)).join(', ')}</td><td class="num">${meanStdText(values)}</td><td class="num">${seed ? meanStdText(seed) : '—'}</td></tr>`;
  })));
  return html`<table><tr><th>run</th><th>parameter</th><th class="num">values</th><th class="num">mean ± std</th><th class="num">document (mean ± std)</th></tr>${rows}</table>`;
}

function curvesFigure(title: string, series: PlotSeries[], yLabel: string): Html {
  return html`<figure>${linePlot({ series, xLabel: 'epoch', yLabel, dots: series.every((s) => s.points.length <= 30), integerX: true })}<figcaption>${title}</figcaption></figure>`;
}

function learningCurves(runs: readonly RunSummary[]): Html {
  const figures = runs.filter((r) => Object.keys(r.curves).length).flatMap((r) => {
    const byKind = (re: RegExp) => Object.entries(r.curves).filter(([k]) => re.test(k)).map(([name, points]) => ({ name, points }));
    const loss = byKind(/loss/i);
    const acc = byKind(/acc/i);
    return [
      ...(loss.length ? [curvesFigure(`${r.label}: loss`, loss, 'loss')] : []),
      ...(acc.length ? [curvesFigure(`${r.label}: accuracy`, acc, 'accuracy')] : []),
    ];
  });
  return figures.length ? html`<div class="plots">${figures}</div>` : html`<p class="note">No metrics.jsonl with loss or accuracy in the runs.</p>`;
}

/** Curves of a `gradproof-q2-report` (q2.json): per loss, train and validation values by epoch. */
function q2DocumentFigures(doc: RunDocument): Html[] {
  const figures: Html[] = [];
  for (const loss of ['bce', 'mse'] as const) {
    const part = doc.value[loss] as { curve?: unknown } | undefined;
    if (!part || !Array.isArray(part.curve)) continue;
    const series = (['train', 'validation'] as const).map((split) => ({
      name: `${loss.toUpperCase()} ${split}`,
      points: (part.curve as JsonObject[]).flatMap((row) => {
        const values = row[split] as JsonObject | undefined;
        const y = values?.[loss];
        return typeof row.epoch === 'number' && typeof y === 'number' ? [{ x: row.epoch, y }] : [];
      }),
    }));
    figures.push(curvesFigure(`${loss.toUpperCase()}: train and validation loss (${doc.label})`, series, loss.toUpperCase()));
  }
  return figures;
}

function q2Section(runs: readonly RunSummary[], documents: readonly RunDocument[]): Html {
  const fromDocuments = documents.filter((d) => d.kind === 'gradproof-q2-report').flatMap(q2DocumentFigures);
  if (fromDocuments.length) return html`<div class="plots">${fromDocuments}</div>`;
  const q2 = runs.filter((r) => r.loss && /bce|mse|cross|squared/i.test(r.loss));
  if (!q2.length) return html`<p class="note">No BCE/MSE result (q2.json, or runs whose config names a <code>loss</code>) among the runs.</p>`;
  const series = q2.flatMap((r) => Object.entries(r.curves).filter(([k]) => /loss/i.test(k)).map(([k, points]) => ({ name: `${r.loss} ${k}`, points })));
  return html`<div class="plots">${curvesFigure('BCE vs MSE: train and validation loss', series, 'loss')}</div>`;
}

function runsTable(found: RunsFound, runs: readonly RunSummary[]): Html {
  const rows = found.runs.map((r, i) => html`<tr><td>${r.name}</td><td>${runs[i]!.label}</td><td class="num">${r.metrics.length}</td>
<td>${(['config.json', 'metrics.jsonl', 'final.json'] as const).map((f) => (r.missing.includes(f) ? html`<span class="badge missing">no ${f}</span> ` : html`${f} `))}</td></tr>`);
  return html`<details><summary>${found.runs.length} run(s) read from ${found.given.join(', ')}</summary>
<table><tr><th>run</th><th>label</th><th class="num">metric rows</th><th>files</th></tr>${rows}</table></details>`;
}

/** The trainer's own Markdown reports, headings demoted under this page's, images pointing at their copies. */
function reportsSection(found: RunsFound, images: ImageMap): Html {
  if (!found.reports.length) return html``;
  const cards = found.reports.map((report) => {
    const text = report.text.replace(/^(#{1,3}) /gm, '$1## ');
    try {
      const page = renderMarkdown(text, report.label, { image: (src) => images.get(resolve(dirname(report.file), src)) });
      return html`<div class="card"><p class="note">${report.label}</p>${page.body}</div>`;
    } catch (error) {
      // Not our own TeX: a report that does not render is shown as text, not a failed build.
      return html`<div class="card"><p class="note">${report.label} (shown as text: ${error instanceof Error ? error.message : String(error)})</p><pre>${report.text}</pre></div>`;
    }
  });
  return html`<h2>Reports written by the trainer</h2>${cards}`;
}

function problemsSection(found: RunsFound): Html {
  const items = [
    ...found.problems,
    ...found.runs.flatMap((r) => [...r.missing.map((m) => `${r.name}: ${m} missing`), ...r.problems.map((p) => `${r.name}: ${p}`)]),
  ];
  return items.length ? html`<h2>What is missing</h2><ul>${items.map((p) => html`<li>${p}</li>`)}</ul>` : html``;
}

/** The Experiments page; `images` maps each image found to its path in the site. */
export function experimentsPage(found: RunsFound, images: ImageMap = new Map()): SitePage {
  if (found.given.length === 0) {
    const body = html`<h1>Experiments</h1>
<p class="notice">No run was given: this site was built without training results. Run
<code>gradproof train --preset seed-q3</code> (and <code>seed-q2</code>, <code>gradproof landscape</code>), then
<code>gradproof docs build --runs DIR…</code> to show them here.</p>
<h2>The source document's Q3 table</h2>${q3Table([])}`;
    return { path: 'experiments.html', title: 'Experiments', body };
  }
  const runs = found.runs.map(summarizeRun);
  const figures = found.images.filter((img) => images.has(img.file)).map((img) => html`<figure><img src="${images.get(img.file)!}" alt="${img.label}"><figcaption class="plot-caption">${img.label}</figcaption></figure>`);
  const body = html`<h1>Experiments</h1>
${runsTable(found, runs)}
<h2>Q3: LeakyReLU α sweep and PReLU, beside the source document</h2>${q3Table(runs)}
<h2>Learned α / β per layer</h2>${learnedSection(runs)}
<h2>Learning curves</h2>${learningCurves(runs.filter((r) => !r.loss))}
<h2>Q2: BCE vs MSE</h2>${q2Section(runs, found.documents)}
<h2>Output landscapes</h2>${figures.length ? html`<div class="images">${figures}</div>` : html`<p class="note">No PNG image among the runs.</p>`}
${reportsSection(found, images)}
${problemsSection(found)}`;
  return { path: 'experiments.html', title: 'Experiments', body };
}
