import { describe, expect, it } from 'vitest';
import {
  SEED_Q3_TABLE, buildQ3Report, formatSweepProgressLine, orderingAgreement, parseShard, readCurve, resolveSweepSettings, shardSlice, sweepConfigurations, sweepSettingsDifference,
} from '../../../src/train/experiments/index.ts';
import type { SweepManifest, SweepRunResult } from '../../../src/train/experiments/index.ts';

describe('sweepConfigurations', () => {
  it('has the five slopes, PReLU and the plain-MNIST identity control, then the extra activations', () => {
    const ids = sweepConfigurations('seed-q3', ['swish', 'swish_beta', 'mish']).map((c) => c.id);
    expect(ids).toEqual(['leaky-1.0', 'leaky-0.5', 'leaky+0.0', 'leaky+0.5', 'leaky+1.0', 'prelu', 'identity-plain', 'swish', 'swish_beta', 'mish']);
    for (const row of SEED_Q3_TABLE) expect(ids).toContain(row.id);
  });
  it('refuses a duplicate or unknown activation', () => {
    expect(() => sweepConfigurations('seed-q3', ['prelu'])).toThrow(/once/);
    expect(() => sweepConfigurations('seed-q3', ['gelu'])).toThrow(/expected one of/);
  });
});

describe('shards', () => {
  it('parses i/n and splits round-robin so that the shards cover everything once', () => {
    const all = [0, 1, 2, 3, 4, 5, 6];
    const parts = [1, 2, 3].map((i) => shardSlice(all, parseShard(`${i}/3`)));
    expect(parts).toEqual([[0, 3, 6], [1, 4], [2, 5]]);
    expect(shardSlice(all, null)).toEqual(all);
  });
  it.each(['0/3', '4/3', '1/0', 'a/b', '1-3'])('refuses %s with GP_INPUT', (text) => {
    expect(() => parseShard(text)).toThrow(expect.objectContaining({ code: 'GP_INPUT' }));
  });
});

describe('sweep settings', () => {
  it('fills defaults and names the first difference, ignoring the engine', () => {
    const a = resolveSweepSettings({ limit: 100 });
    expect(a).toMatchObject({ preset: 'seed-q3', data: 'embedded', epochs: 3, limit: 100, batchSize: 128 });
    expect(sweepSettingsDifference(a, { ...a, backend: 'cpu' })).toBeNull();
    expect(sweepSettingsDifference(a, { ...a, epochs: 4 })).toMatch(/^epochs/);
    expect(() => resolveSweepSettings({ epochs: 0 })).toThrow(/epochs/);
  });
});

describe('orderingAgreement', () => {
  it('counts agreeing pairs and Kendall τ', () => {
    const same = orderingAgreement(['a', 'b', 'c'], { a: 1, b: 2, c: 3 }, true);
    expect(same).toMatchObject({ identical: true, pairsAgreeing: 3, pairs: 3, kendallTau: 1 });
    const reversed = orderingAgreement(['a', 'b', 'c'], { a: 3, b: 2, c: 1 }, true);
    expect(reversed).toMatchObject({ identical: false, pairsAgreeing: 0, kendallTau: -1, measured: ['c', 'b', 'a'] });
    const accuracy = orderingAgreement(['a', 'b'], { a: 0.9, b: 0.8, c: 0.1 }, false);
    expect(accuracy).toMatchObject({ identical: true, claimed: ['a', 'b'] });
  });
});

describe('readCurve', () => {
  const points = [0.9, 0.7, 0.6, 0.65, 0.7, 0.72, 0.8].map((v, i) => ({ epoch: i + 1, train: 0.5 - 0.05 * i, validation: v }));
  it('finds the best epoch, the early-stopping epoch and the rise after the minimum', () => {
    const r = readCurve(points, 3);
    expect(r.bestEpoch).toBe(3);
    expect(r.earlyStopEpoch).toBe(6);
    expect(r.stillImproving).toBe(false);
    expect(r.riseAfterBest).toBeCloseTo(0.2, 12);
    expect(r.gapAtEnd).toBeCloseTo(0.8 - 0.2, 12);
  });
  it('never stops a curve that keeps falling', () => {
    const r = readCurve([1, 0.8, 0.7].map((v, i) => ({ epoch: i + 1, train: v, validation: v })), 2);
    expect(r.earlyStopEpoch).toBeNull();
    expect(r.stillImproving).toBe(true);
  });
});

describe('buildQ3Report', () => {
  const configurations = sweepConfigurations('seed-q3');
  const manifest: SweepManifest = { schemaVersion: 1, kind: 'gradproof-sweep', createdAt: 'now', settings: resolveSweepSettings({}), configurations, shard: null };
  const run = (id: string, testLoss: number, testAcc: number, learned: SweepRunResult['learned'] = {}): SweepRunResult => ({
    id, label: id, dir: `runs/${id}`, status: 'done', error: null, train: { loss: testLoss, acc: testAcc }, validation: null,
    test: { loss: testLoss, acc: testAcc }, params: 1, learned, epochsRun: 1, bestEpoch: 1, stoppedEarly: false, seconds: 1, imgPerSec: 1, engine: 'x',
  });
  it('puts the document beside ours, compares orderings and reads the identity runs', () => {
    const alpha = (values: number[]) => ({ alpha: { values, mean: values.reduce((a, b) => a + b) / values.length, std: 0 } });
    const runs = [
      run('leaky-1.0', 0.2, 0.93), run('leaky-0.5', 0.1, 0.95), run('leaky+0.0', 0.15, 0.9), run('leaky+0.5', 0.4, 0.88),
      run('leaky+1.0', 1.6, 0.45), run('prelu', 0.05, 0.96, { act1: alpha([-0.2, -0.1]), act2: alpha([0, 0.1]) }), run('identity-plain', 0.3, 0.91),
    ];
    const report = buildQ3Report(manifest, runs);
    expect(report.rows.find((r) => r.id === 'prelu')?.document?.test.loss).toBe(0.049);
    expect(report.orderings.testLoss.identical).toBe(false);
    expect(report.orderings.testLoss.measured).toEqual(['prelu', 'leaky-0.5', 'leaky+0.0', 'leaky-1.0', 'leaky+0.5', 'leaky+1.0']);
    expect(report.orderings.testLoss.pairsAgreeing).toBe(14);
    expect(report.prelu?.map((l) => l.document?.mean)).toEqual([-0.1471, 0.0014]);
    expect(report.identity.findings.join(' ')).toMatch(/polarity/);
    expect(report.missing).toEqual([]);
  });
  it('lists missing configurations and has no PReLU section without its run', () => {
    const report = buildQ3Report(manifest, [run('leaky+0.0', 0.3, 0.9)]);
    expect(report.missing).toHaveLength(configurations.length - 1);
    expect(report.prelu).toBeNull();
    expect(report.identity.findings).toEqual([]);
  });
});

describe('formatSweepProgressLine', () => {
  it('shows the batch position and ETA of a running configuration, and the outcome of a finished one', () => {
    const progress = { epoch: 2, epochs: 3, batch: 40, batches: 113, loss: 0.21129, acc: 0.93, imgPerSec: 352.4, etaSeconds: 65 };
    expect(formatSweepProgressLine({ type: 'batch', id: 'prelu', index: 2, total: 7, progress })).toBe('prelu (3/7) epoch 2/3 batch 40/113 loss 0.2113 acc 0.9300 352 img/s ETA 1m05s');
    const failed = { id: 'mish', label: 'mish', dir: 'runs/mish', status: 'failed', error: 'boom', train: null, validation: null, test: null, params: null, learned: {}, epochsRun: 0, bestEpoch: null, stoppedEarly: false, seconds: 0, imgPerSec: 0, engine: null } as const;
    expect(formatSweepProgressLine({ type: 'run-done', id: 'mish', index: 0, total: 1, result: failed })).toBe('mish (1/1) failed: boom');
    const slow = { ...progress, etaSeconds: 119.7 };
    expect(formatSweepProgressLine({ type: 'batch', id: 'prelu', index: 2, total: 7, progress: slow })).toMatch(/ETA 2m00s$/); // not 1m60s
  });
});
