import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGradproofError, parseExpression } from '../../src/symbolic/index.ts';
import { type Dataset, loadDataset } from '../../src/train/dataset.ts';
import { recordValidationLoss } from '../../src/train/early-stopping.ts';
import { loadWasmEngine } from '../../src/train/engines/wasm.ts';
import type { Engine } from '../../src/train/engine.ts';
import { RUN_FILES, type EpochMetrics, type RunState } from '../../src/train/run-store.ts';
import { type TrainProgress, preflightGradcheck, resumeTraining, train } from '../../src/train/train.ts';
import { type ActivationExpressions, catalogActivation } from '../../src/train/activation-expressions.ts';
import { resolveTrainOptions } from '../../src/train/train-options.ts';
import { buildModel } from '../../src/train/model.ts';
import { parseActivationSpec } from '../../src/train/activation-spec.ts';
import { checkpointHandler } from '../../src/train/checkpoint-io.ts';
import { evaluateSplit } from '../../src/train/evaluate.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-train-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const readMetrics = (dir: string): EpochMetrics[] => fs.readFileSync(path.join(dir, RUN_FILES.metrics), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

let engine: Engine;
let small: Dataset;
beforeAll(async () => {
  engine = await loadWasmEngine();
  small = await loadDataset({ data: 'embedded', limit: 1000, seed: 1 });
});

describe('training', () => {
  it('one epoch on a small slice of the embedded digits learns, and writes the run directory', async () => {
    const dir = path.join(tmp, 'one-epoch');
    const progress: TrainProgress[] = [];
    const result = await train(
      { activation: 'prelu', outDir: dir, limit: 1000, epochs: 1, batchSize: 32, lr: 0.005, seed: 1 },
      { engine, dataset: small, onProgress: (p) => progress.push(p) },
    );
    // Chance is 10%; one epoch over 1,800 images reaches well above it.
    expect(result.test.acc).toBeGreaterThan(0.5);
    expect(result.train.loss).toBeLessThan(Math.log(10));
    expect(result.params.total).toBe(27_954);
    expect(Object.keys(result.learned)).toEqual(['act1', 'act2']);
    expect(result.learned.act1.alpha.values).toHaveLength(8);
    expect(result.learned.act1.alpha.std).toBeGreaterThan(0);
    expect(progress.length).toBe(Math.ceil(small.train.count / 32));
    expect(progress[progress.length - 1]).toMatchObject({ epoch: 1, epochs: 1, batch: progress.length, batches: progress.length });
    expect(progress[progress.length - 1].imgPerSec).toBeGreaterThan(0);
    const config = readJson(path.join(dir, RUN_FILES.config));
    expect(config.schemaVersion).toBe(1);
    expect(config.config).toMatchObject({ activation: { name: 'prelu' }, epochs: 1, batchSize: 32, optimizer: 'adam', lr: 0.005 });
    const metrics = readMetrics(dir);
    expect(metrics).toHaveLength(1);
    expect(Object.keys(metrics[0]).sort()).toEqual(['acc', 'epoch', 'img_per_s', 'loss', 'schemaVersion', 'seconds', 'val_acc', 'val_loss'].sort());
    expect(readJson(path.join(dir, RUN_FILES.final)).test.acc).toBe(result.test.acc);
    const state: RunState = readJson(path.join(dir, RUN_FILES.state));
    expect(state).toMatchObject({ finished: true, epochsCompleted: 1, bestEpoch: 1 });
    expect(fs.existsSync(path.join(dir, String(state.lastCheckpoint), 'weights.bin'))).toBe(true);
  });

  it('continues after kill -9, losing at most the epoch in progress', async () => {
    const dir = path.join(tmp, 'killed');
    // node itself (not npx): SIGKILL must reach the trainer, not a wrapper that leaves it running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/train/fixtures/train-child.ts', dir], { stdio: 'ignore' });
    const stateFile = path.join(dir, RUN_FILES.state);
    const deadline = Date.now() + 90_000;
    let completed = 0;
    while (Date.now() < deadline && completed === 0) {
      await new Promise((r) => setTimeout(r, 50));
      if (fs.existsSync(stateFile)) completed = (readJson(stateFile) as RunState).epochsCompleted;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(completed).toBeGreaterThanOrEqual(1);
    const before: RunState = readJson(stateFile);
    expect(before.finished).toBe(false);
    const kept = readMetrics(dir).slice(0, before.epochsCompleted);
    const logs: string[] = [];
    const result = await resumeTraining(dir, { engine, log: (l) => logs.push(l) });
    expect(logs[0]).toContain(`after epoch ${before.epochsCompleted} of 3`);
    const metrics = readMetrics(dir);
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(metrics.slice(0, kept.length)).toEqual(kept);
    expect(result.epochsRun).toBe(3);
    expect(result.test.acc).toBeGreaterThan(0.5);
    expect(readJson(stateFile).finished).toBe(true);
    // A finished run resumes to its summary without training again.
    expect((await resumeTraining(dir, { engine })).test.acc).toBe(result.test.acc);
  }, 150_000);

  it('refuses a corrupt or incompatible run directory with the reason', async () => {
    const dir = path.join(tmp, 'one-epoch');
    const copy = path.join(tmp, 'corrupt');
    fs.cpSync(dir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, RUN_FILES.state), '{"schemaVersion": 1, "epochsCompl');
    await expect(resumeTraining(copy, { engine })).rejects.toThrow(/state\.json to be JSON/);
    const config = readJson(path.join(copy, RUN_FILES.config));
    fs.writeFileSync(path.join(copy, RUN_FILES.config), JSON.stringify({ ...config, schemaVersion: 99 }));
    await expect(resumeTraining(copy, { engine })).rejects.toSatisfy((e: unknown) => isGradproofError(e, 'GP_CORRUPT') && /schemaVersion 1, got 99/.test((e as Error).message));
    const noCkpt = path.join(tmp, 'no-ckpt');
    fs.cpSync(dir, noCkpt, { recursive: true });
    fs.rmSync(path.join(noCkpt, RUN_FILES.checkpoints), { recursive: true });
    await expect(resumeTraining(noCkpt, { engine })).rejects.toThrow(/checkpoint checkpoints\/epoch-0001 named by state\.json/);
    await expect(resumeTraining(path.join(tmp, 'missing'), { engine })).rejects.toThrow(/expected a run directory/);
  });

  it('refuses to train or resume when the activation\'s derivative fails the float32 gradcheck', async () => {
    // the default pre-flight, given Swish with σ(x) as its derivative (the x·σ′ term dropped)
    const names: string[] = [];
    const wrong = (e: ActivationExpressions) => { names.push(e.spec.name); return preflightGradcheck({ ...e, dx: parseExpression('sigmoid(x)') }); };
    const refused = (e: unknown) => isGradproofError(e, 'GP_GRAD_MISMATCH') && /activation swish \(float32 gradcheck, seed 1, \d+ failing points\): expected ∂f\/∂x = .* at x = /.test((e as Error).message);
    const dir = path.join(tmp, 'wrong-derivative');
    await expect(train({ activation: 'swish', outDir: dir, limit: 1000, epochs: 1, seed: 1 }, { engine, dataset: small, preflight: wrong })).rejects.toSatisfy(refused);
    expect(fs.existsSync(path.join(dir, RUN_FILES.config))).toBe(false);
    // the correct expressions pass the same pre-flight
    await expect(preflightGradcheck(catalogActivation(parseActivationSpec('swish')))).resolves.toBeUndefined();
    // resuming an unfinished run checks again
    const unfinished = path.join(tmp, 'unfinished-swish');
    await train({ activation: 'swish', outDir: unfinished, limit: 1000, epochs: 1, batchSize: 64, seed: 1 }, { engine, dataset: small });
    const stateFile = path.join(unfinished, RUN_FILES.state);
    fs.writeFileSync(stateFile, JSON.stringify({ ...readJson(stateFile), finished: false }));
    await expect(resumeTraining(unfinished, { engine, dataset: small, preflight: wrong })).rejects.toSatisfy(refused);
    expect(names).toEqual(['swish', 'swish']);
  }, 60_000);

  it('bad options give clear errors before any work', async () => {
    const base = { activation: 'relu', outDir: path.join(tmp, 'x') };
    expect(() => resolveTrainOptions({ ...base, epochs: 0 })).toThrow('--epochs: expected a positive integer, got 0');
    expect(() => resolveTrainOptions({ ...base, batchSize: 2.5 })).toThrow('--batch-size: expected a positive integer, got 2.5');
    expect(() => resolveTrainOptions({ ...base, optimizer: 'rmsprop' as 'adam' })).toThrow("--optimizer: expected adam or sgd, got 'rmsprop'");
    expect(() => resolveTrainOptions({ ...base, lr: -1 })).toThrow('--lr: expected a positive number, got -1');
    expect(() => resolveTrainOptions({ ...base, activation: 'softsign' })).toThrow(/--activation: expected one of relu, leaky_relu.*got 'softsign'/);
    expect(() => resolveTrainOptions({ ...base, activation: 'leaky:abc' })).toThrow("expected a finite number for alpha, got 'abc' (at position 6)");
    expect(() => resolveTrainOptions({ ...base, backend: 'tpu' as 'cpu' })).toThrow(/--backend: expected one of auto/);
    expect(resolveTrainOptions({ ...base, optimizer: 'sgd' }).lr).toBe(0.01);
    await expect(train({ ...base, outDir: path.join(tmp, 'one-epoch') }, { engine })).rejects.toThrow(/expected an empty or new directory.*--resume/);
  });

  it('is deterministic for a seed and frees its tensors', async () => {
    const run = async (name: string, optimizer: 'adam' | 'sgd') => {
      const dir = path.join(tmp, name);
      await train({ activation: 'swish_beta', outDir: dir, limit: 150, epochs: 1, batchSize: 16, seed: 5, optimizer }, { engine });
      return readMetrics(dir)[0];
    };
    const tensorsBefore = tf.memory().numTensors;
    const a = await run('det-a', 'sgd');
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const b = await run('det-b', 'sgd');
    expect([b.loss, b.acc, b.val_loss]).toEqual([a.loss, a.acc, a.val_loss]);
    const c = await run('det-c', 'adam');
    expect(c.loss).not.toBe(a.loss);
  });

  it('restores the best checkpoint\'s weights before the final evaluation', async () => {
    const dir = path.join(tmp, 'restore');
    const trained = await train({ activation: 'relu', outDir: dir, limit: 300, epochs: 1, batchSize: 16, lr: 0.005, seed: 2 }, { engine });
    // Pretend an untrained model was the best epoch: its checkpoint must be what final.json measures.
    const untrained = buildModel(parseActivationSpec('relu'), { seed: 99 });
    untrained.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    await untrained.save(checkpointHandler(path.join(dir, 'checkpoints', 'epoch-0000')), { includeOptimizer: true });
    const state: RunState = readJson(path.join(dir, RUN_FILES.state));
    fs.writeFileSync(path.join(dir, RUN_FILES.state), JSON.stringify({ ...state, finished: false, bestEpoch: 0, bestCheckpoint: 'checkpoints/epoch-0000' }));
    const data = await loadDataset({ data: 'embedded', limit: 300, seed: 2 });
    const expected = await evaluateSplit(untrained, data.test, 10);
    const restored = await resumeTraining(dir, { engine, dataset: data });
    expect(restored.restoredEpoch).toBe(0);
    expect(restored.test.loss).toBeCloseTo(expected.loss, 5);
    expect(restored.test.acc).not.toBe(trained.test.acc);
  });

  it('early stopping: stops after `patience` epochs without a lower validation loss', () => {
    const state = { bestEpoch: null, bestValLoss: null, wait: 0, stoppedEarly: false };
    const losses = [1.0, 0.8, 0.85, 0.79, 0.9, 0.95];
    const best = losses.map((l, i) => recordValidationLoss(state, i + 1, l, 2));
    expect(best).toEqual([true, true, false, true, false, false]);
    expect(state).toEqual({ bestEpoch: 4, bestValLoss: 0.79, wait: 2, stoppedEarly: true });
  });
});
