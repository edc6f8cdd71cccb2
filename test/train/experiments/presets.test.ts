/**
 * The seed-q3 and seed-q2 presets end to end on the embedded data with a tiny budget (a few dozen
 * images, one or two epochs): outputs exist and are well-formed. Never a full sweep here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SWEEP_FILES, mergeSweeps, readSweepManifest, runBceVsMse, runSweep,
} from '../../../src/train/experiments/index.ts';
import type { SweepProgress } from '../../../src/train/experiments/index.ts';

/** Original images per split: enough for every class to appear, small enough for seconds per run. */
const TINY_LIMIT = 40;
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `gp-${name}-`));

describe('seed-q3 sweep', () => {
  it('runs two shards (one in worker threads), resumes without retraining, and merges them', async () => {
    const a = path.join(tmp('q3'), 'a');
    const b = path.join(tmp('q3'), 'b');
    const events: SweepProgress[] = [];
    const budget = { limit: TINY_LIMIT, epochs: 1, activations: ['swish_beta'] };
    // 8 configurations; shard 1/4 = positions 0 and 4 (leaky-1.0, leaky+1.0), shard 2/4 = 1 and 5 (leaky-0.5, prelu).
    const first = await runSweep({ ...budget, outDir: a, shard: { index: 1, count: 4 }, workers: 2, onProgress: (e) => events.push(e) });
    expect(first.runs.map((r) => [r.id, r.status])).toEqual([['leaky-1.0', 'done'], ['leaky+1.0', 'done']]);
    expect(events.filter((e) => e.type === 'run-done')).toHaveLength(2);
    expect(events.some((e) => e.type === 'batch')).toBe(true);
    const second = await runSweep({ ...budget, outDir: b, shard: { index: 2, count: 4 }, workers: 1 });
    expect(second.runs.map((r) => r.id)).toEqual(['leaky-0.5', 'prelu']);
    for (const dir of [a, b]) {
      for (const file of Object.values(SWEEP_FILES)) expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
    for (const [dir, r] of [...first.runs.map((r) => [a, r] as const), ...second.runs.map((r) => [b, r] as const)]) {
      expect(fs.existsSync(path.join(dir, r.dir, 'final.json'))).toBe(true);
      expect(r.test?.acc).toBeGreaterThanOrEqual(0);
      expect(r.test?.acc).toBeLessThanOrEqual(1);
    }
    const prelu = second.runs.find((r) => r.id === 'prelu');
    expect(Object.values(prelu?.learned ?? {}).map((p) => p.alpha.values.length)).toEqual([8, 8]);

    // Resume: the finished shard is read back, nothing is trained again.
    const resumedEvents: SweepProgress[] = [];
    const again = await runSweep({ ...budget, outDir: b, shard: { index: 2, count: 4 }, workers: 1, onProgress: (e) => resumedEvents.push(e) });
    expect(again.runs.map((r) => r.test)).toEqual(second.runs.map((r) => r.test));
    expect(resumedEvents).toEqual([]);

    const merged = mergeSweeps([a, b], path.join(tmp('q3'), 'merged'));
    expect(merged.runs.map((r) => r.id)).toEqual(['leaky-1.0', 'leaky-0.5', 'leaky+1.0', 'prelu']);
    expect(merged.report.missing).toEqual(['leaky+0.0', 'leaky+0.5', 'identity-plain', 'swish_beta']);
    expect(merged.report.prelu).toHaveLength(2);
    expect(readSweepManifest(merged.dir).mergedFrom).toHaveLength(2);
    expect(fs.existsSync(path.join(merged.dir, 'runs', 'prelu', 'final.json'))).toBe(true);
    const markdown = fs.readFileSync(path.join(merged.dir, SWEEP_FILES.markdown), 'utf8');
    expect(markdown).toContain('| PReLU (trainable α) |');
    expect(markdown).toContain('0.0490'); // the document's PReLU test loss, beside ours
    const json = JSON.parse(fs.readFileSync(path.join(merged.dir, SWEEP_FILES.report), 'utf8'));
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'gradproof-q3-report' });
    expect(json.orderings.testLoss.pairs).toBe(6); // leaky-1.0, leaky-0.5, leaky+1.0, prelu: 4 of the 6 ordered ids → 6 pairs
  }, 180_000);

  it('refuses to merge shards of different sweeps with GP_CORRUPT, and to resume with other settings', async () => {
    const a = path.join(tmp('q3x'), 'a');
    await runSweep({ limit: TINY_LIMIT, epochs: 1, outDir: a, shard: { index: 7, count: 7 }, workers: 1 });
    const manifest = readSweepManifest(a);
    const b = path.join(tmp('q3x'), 'b');
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(b, SWEEP_FILES.manifest), JSON.stringify({ ...manifest, settings: { ...manifest.settings, epochs: 2 } }));
    expect(() => mergeSweeps([a, b], path.join(tmp('q3x'), 'm'))).toThrow(expect.objectContaining({ code: 'GP_CORRUPT', message: expect.stringMatching(/epochs/) }));
    await expect(runSweep({ limit: TINY_LIMIT, epochs: 2, outDir: a, shard: { index: 7, count: 7 }, workers: 1 })).rejects.toMatchObject({ code: 'GP_INPUT' });
  }, 120_000);
});

describe('seed-q2 BCE vs MSE', () => {
  it('trains both from the same weights and writes the curves and the reading', async () => {
    const out = tmp('q2');
    const result = await runBceVsMse({ limit: TINY_LIMIT, epochs: 2, batchSize: 16, patience: 1, outDir: out });
    for (const run of [result.bce, result.mse]) {
      expect(run.curve.map((p) => p.epoch)).toEqual([0, 1, 2]);
      expect(run.initialLoss).toBe(run.curve[0].train[run.loss]);
      expect(run.reading.bestEpoch).toBeGreaterThanOrEqual(1);
      expect(run.test.acc).toBeGreaterThanOrEqual(0);
    }
    // Same initial weights: the untrained networks agree exactly.
    expect(result.bce.curve[0]).toEqual(result.mse.curve[0]);
    // The document's initial losses hold when the initial output is ≈ 0.5.
    expect(Math.abs(result.bce.initialMeanOutput - 0.5)).toBeLessThan(0.05);
    expect(result.bce.initialLoss).toBeCloseTo(Math.LN2, 1);
    expect(result.mse.initialLoss).toBeCloseTo(0.25, 1);
    expect(result.mse.curve.every((p) => p.train.mse >= 0 && p.train.mse <= 1)).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'q2.json'), 'utf8'));
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'gradproof-q2-report' });
    expect(fs.readFileSync(path.join(out, 'q2.md'), 'utf8')).toContain('| initial loss (ours / document) |');
  }, 120_000);
});
