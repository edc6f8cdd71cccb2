import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRuns } from '../../src/site/index.ts';
import { summarizeRun } from '../../src/site/runs/run-summary.ts';
import { experimentsPage } from '../../src/site/pages/experiments-page.ts';
import { writeRunFixtures } from './run-fixtures.ts';

const root = writeRunFixtures(mkdtempSync(join(tmpdir(), 'gp-runs-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readRuns', () => {
  const found = readRuns([root]);

  it('finds every run and image under the given folder', () => {
    expect(found.runs.map((r) => r.name).sort()).toEqual(['seed-q3/broken', 'seed-q3/identity-plain', 'seed-q3/leaky_relu_-0.5', 'seed-q3/prelu', 'seed-q3/relu']);
    expect(found.images.map((i) => i.label)).toEqual(['landscape/mish.png']);
    expect(found.reports.map((r) => r.label)).toEqual(['seed-q3/report.md']);
    expect(found.documents.map((d) => [d.label, d.kind])).toEqual([['seed-q2/q2.json', 'gradproof-q2-report']]);
  });

  it('records what is missing or broken instead of throwing', () => {
    const relu = found.runs.find((r) => r.name === 'seed-q3/relu')!;
    expect(relu.missing).toEqual(['final.json']);
    expect(relu.problems.join(' ')).toMatch(/1 line\(s\) are not JSON/);
    expect(relu.metrics.length).toBe(4);
    const broken = found.runs.find((r) => r.name === 'seed-q3/broken')!;
    expect(broken.config).toBeUndefined();
    expect(broken.problems.join(' ')).toMatch(/config\.json/);
  });

  it('a folder that does not exist is a problem, not a crash; no folder means nothing found', () => {
    const missing = readRuns([join(root, 'nope')]);
    expect(missing.runs).toEqual([]);
    expect(missing.problems.join(' ')).toMatch(/not a directory/);
    expect(readRuns([]).problems).toEqual([]);
  });

  it('summarizes final numbers, α, learned parameters and curves', () => {
    const leaky = summarizeRun(found.runs.find((r) => r.name === 'seed-q3/leaky_relu_-0.5')!);
    expect(leaky).toMatchObject({ activation: 'leaky_relu', alpha: -0.5, trainLoss: 0.0412, trainAcc: 0.9871, testLoss: 0.0555, testAcc: 0.9822 });
    expect(Object.keys(leaky.curves).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    const prelu = summarizeRun(found.runs.find((r) => r.name === 'seed-q3/prelu')!);
    expect(prelu).toMatchObject({ label: 'PReLU', activation: 'prelu', inverted: true, trainAcc: 0.9877, testLoss: 0.0501, testAcc: 0.9838 });
    expect(prelu.learned.alpha).toEqual([[-0.3, -0.2, 0.1, -0.1], [0.05, 0.0, -0.02, 0.01]]);
  });
});

describe('experimentsPage', () => {
  it('says plainly when no run was given', () => {
    const body = experimentsPage(readRuns([])).body.value;
    expect(body).toContain('No run was given');
    expect(body).toContain('0.9843'); // the document's PReLU test accuracy is still shown
  });

  it('puts our numbers beside the document, lists what is missing, shows images and Q2 curves', () => {
    const found = readRuns([root]);
    const images = new Map(found.images.map((i) => [i.file, 'images/runs/1-mish.png']));
    expect(found.images[0]!.file).toBe(join(root, 'landscape', 'mish.png'));
    const body = experimentsPage(found, images).body.value;
    expect(body).toMatch(/LeakyReLU α = −0\.5<\/td>\s*<td class="num">0\.0373<\/td>.*<td class="num">0\.0412<\/td>/s);
    expect(body).toContain('no run'); // α = +1 has no run
    expect(body).toContain('seed-q3/relu: final.json missing');
    expect(body).toContain('<img src="images/runs/1-mish.png"');
    expect(body).toMatch(/BCE: train and validation loss.*MSE: train and validation loss/s);
    expect(body).toMatch(/Reports written by the trainer.*<h3>Q3 report<\/h3>\s*<table><tr><th>activation<\/th>/s);
    expect(body).toContain('<img src="images/runs/1-mish.png" alt="landscape">'); // the report's image, relinked
    expect(body).toMatch(/identity, plain MNIST<\/td>\s*<td colspan="4" class="note">not in the document/);
    expect(body).toMatch(/−0\.1471 ± 0\.1909|-0\.1471 ± 0\.1909/);
  });
});
