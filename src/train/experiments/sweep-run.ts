/**
 * One configuration of a sweep, run as a normal training run directory under the sweep
 * (`runs/<id>/`): started when absent, resumed when unfinished, read back when finished — so an
 * interrupted sweep continues where it stopped.
 */
import fs from 'node:fs';
import { isGradproofError } from '../../symbolic/error.ts';
import path from 'node:path';
import type { Dataset } from '../dataset.ts';
import { loadDataset } from '../dataset.ts';
import type { Engine } from '../engine.ts';
import type { FinalSummary } from '../final-summary.ts';
import type { LossAcc } from '../evaluate.ts';
import { RUN_FILES } from '../run-store.ts';
import { type TrainProgress, resumeTraining, train } from '../train.ts';
import type { SweepConfiguration } from './sweep-preset.ts';
import type { SweepSettings } from './sweep-settings.ts';

/** Folder of the run directories inside a sweep directory. */
export const SWEEP_RUNS_DIR = 'runs';

/** What a sweep keeps of one finished run (the rest is in its run directory). */
export interface SweepRunResult {
  readonly id: string;
  readonly label: string;
  /** Run directory relative to the sweep directory. */
  readonly dir: string;
  readonly status: 'done' | 'failed';
  /** The error message of a failed run. */
  readonly error: string | null;
  readonly train: LossAcc | null;
  readonly validation: LossAcc | null;
  readonly test: LossAcc | null;
  readonly params: number | null;
  readonly learned: FinalSummary['learned'];
  readonly epochsRun: number;
  readonly bestEpoch: number | null;
  readonly stoppedEarly: boolean;
  readonly seconds: number;
  readonly imgPerSec: number;
  readonly engine: string | null;
}

/** Shared state of the runs of one process (a worker, or the main thread with one worker). */
export interface SweepRunContext {
  readonly sweepDir: string;
  readonly settings: SweepSettings;
  /** Loaded datasets by `invert` flag, reused across runs. */
  readonly datasets: Map<boolean, Promise<Dataset>>;
  engine?: Engine;
  readonly onProgress?: (progress: TrainProgress) => void;
}

/** Runs (or resumes, or reads back) `config`; a failure is recorded, not thrown. */
export async function runSweepConfiguration(config: SweepConfiguration, ctx: SweepRunContext): Promise<SweepRunResult> {
  const rel = path.join(SWEEP_RUNS_DIR, config.id);
  const dir = path.join(ctx.sweepDir, rel);
  try {
    const finalFile = path.join(dir, RUN_FILES.final);
    let summary: FinalSummary;
    if (fs.existsSync(finalFile)) {
      summary = JSON.parse(fs.readFileSync(finalFile, 'utf8')) as FinalSummary;
    } else {
      const dataset = await datasetFor(config.invert, ctx);
      const hooks = { dataset, engine: ctx.engine, onProgress: ctx.onProgress };
      if (fs.existsSync(path.join(dir, RUN_FILES.config))) {
        summary = await resumeTraining(dir, hooks);
      } else {
        const s = ctx.settings;
        summary = await train({
          activation: config.activation, outDir: dir, data: s.data, epochs: s.epochs, batchSize: s.batchSize,
          optimizer: s.optimizer, lr: s.lr ?? undefined, seed: s.seed, limit: s.limit ?? undefined,
          backend: s.backend, patience: s.patience, invert: config.invert,
        }, hooks);
      }
    }
    return {
      id: config.id, label: config.label, dir: rel, status: 'done', error: null,
      train: summary.train, validation: summary.validation, test: summary.test, params: summary.params.total,
      learned: summary.learned, epochsRun: summary.epochsRun, bestEpoch: summary.bestEpoch, stoppedEarly: summary.stoppedEarly,
      seconds: summary.seconds, imgPerSec: summary.imgPerSec, engine: summary.engine,
    };
  } catch (error) {
    return {
      id: config.id, label: config.label, dir: rel, status: 'failed', error: failureMessage(error),
      train: null, validation: null, test: null, params: null, learned: {}, epochsRun: 0, bestEpoch: null, stoppedEarly: false,
      seconds: 0, imgPerSec: 0, engine: null,
    };
  }
}

function datasetFor(invert: boolean, ctx: SweepRunContext): Promise<Dataset> {
  let loading = ctx.datasets.get(invert);
  if (loading === undefined) {
    const s = ctx.settings;
    // The same call train() makes, so a shared dataset equals the one a lone run would load.
    loading = loadDataset({ data: s.data, invert, limit: s.limit ?? undefined, seed: s.seed });
    ctx.datasets.set(invert, loading);
  }
  return loading;
}

/** A GradproofError's message (it names the problem); for anything else, a bug, the stack too. */
function failureMessage(error: unknown): string {
  if (isGradproofError(error)) return error.message;
  return error instanceof Error ? String(error.stack ?? error.message) : String(error);
}
