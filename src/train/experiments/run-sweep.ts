/**
 * `runSweep`: the Q3 sweep — every configuration of a preset (or one shard of it) trained as its
 * own run directory, in parallel worker threads, then compared with the source document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GradproofError } from '../../symbolic/error.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../symbolic/index.ts';
import type { TrainProgress } from '../train.ts';
import { formatQ3Markdown } from './q3-markdown.ts';
import { type Q3Report, buildQ3Report } from './q3-report.ts';
import { type SweepConfiguration, sweepConfigurations } from './sweep-preset.ts';
import { type SweepRunResult, runSweepConfiguration } from './sweep-run.ts';
import { type SweepSettings, type SweepSettingsInput, resolveSweepSettings, sweepSettingsDifference } from './sweep-settings.ts';
import { type Shard, shardSlice, validateShard } from './sweep-shard.ts';
import { SWEEP_FILES, SWEEP_KIND, SWEEP_SCHEMA_VERSION, type SweepManifest, readSweepManifest, readSweepRuns, writeSweepManifest, writeSweepResults } from './sweep-store.ts';
import type { SweepWorkerData } from './sweep-worker.ts';
import { runInWorkers } from './worker-pool.ts';

/** Options of {@link runSweep}: the shared settings plus how to run them. */
export interface SweepOptions extends SweepSettingsInput {
  /** Sweep directory (created; an existing sweep with the same settings is resumed). */
  outDir: string;
  /** Worker threads (default: one per core, at most one per configuration); 1 runs in this thread. */
  workers?: number;
  /** Run only this slice (default: all). */
  shard?: Shard | null;
  /** Called on every batch of every run, and when a run finishes. */
  onProgress?: (event: SweepProgress) => void;
}

/** Progress of a sweep. */
export type SweepProgress =
  | { readonly type: 'batch'; readonly id: string; readonly index: number; readonly total: number; readonly progress: TrainProgress }
  | { readonly type: 'run-done'; readonly id: string; readonly index: number; readonly total: number; readonly result: SweepRunResult };

/** What {@link runSweep} returns (and writes as results.json, report.json and report.md). */
export interface SweepResult {
  readonly dir: string;
  readonly manifest: SweepManifest;
  readonly runs: readonly SweepRunResult[];
  readonly report: Q3Report;
  readonly markdown: string;
}

/**
 * Runs a sweep.
 * @example await runSweep({ preset: 'seed-q3', data: 'embedded', outDir: 'runs/q3', workers: 2 })
 * @throws GradproofError GP_INPUT for bad options or an `outDir` holding a different sweep.
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const settings = resolveSweepSettings(options);
  const shard = options.shard === undefined || options.shard === null ? null : validateShard(options.shard);
  const workers = options.workers ?? os.availableParallelism();
  if (!(Number.isInteger(workers) && workers >= 1)) throw new GradproofError('GP_INPUT', `workers: expected a positive integer, got ${workers}`);
  const dir = path.resolve(options.outDir);
  const configurations = sweepConfigurations(settings.preset, settings.activations);
  const manifest = openSweepDir(dir, settings, configurations, shard);
  const mine = shardSlice(configurations, shard);
  const done = new Map<string, SweepRunResult>(readSweepRuns(dir).filter((r) => r.status === 'done').map((r) => [r.id, r]));
  const todo = mine.filter((c) => !done.has(c.id));
  const record = (result: SweepRunResult, index: number) => {
    done.set(result.id, result);
    writeSweepResults(dir, manifest, mine.map((c) => done.get(c.id)).filter((r): r is SweepRunResult => r !== undefined));
    options.onProgress?.({ type: 'run-done', id: result.id, index, total: todo.length, result });
  };
  if (workers === 1 || todo.length <= 1) {
    const ctx = { sweepDir: dir, settings, datasets: new Map() };
    for (const [index, config] of todo.entries()) {
      const onProgress = (progress: TrainProgress) => options.onProgress?.({ type: 'batch', id: config.id, index, total: todo.length, progress });
      record(await runSweepConfiguration(config, { ...ctx, onProgress }), index);
    }
  } else {
    await runInWorkers<SweepConfiguration, TrainProgress, SweepRunResult>({
      moduleUrl: new URL('./sweep-worker.ts', import.meta.url),
      workerData: { sweepDir: dir, settings } satisfies SweepWorkerData,
      inputs: todo,
      workers,
      onProgress: (index, progress) => options.onProgress?.({ type: 'batch', id: todo[index].id, index, total: todo.length, progress }),
      onResult: (index, result) => record(result, index),
    });
  }
  const runs = mine.map((c) => done.get(c.id)).filter((r): r is SweepRunResult => r !== undefined);
  return writeSweepReport(dir, manifest, runs);
}

/** Writes results.json, report.json and report.md of `dir` and returns them. */
export function writeSweepReport(dir: string, manifest: SweepManifest, runs: readonly SweepRunResult[]): SweepResult {
  writeSweepResults(dir, manifest, runs);
  const report = buildQ3Report(manifest, runs);
  const markdown = formatQ3Markdown(report);
  writeJsonAtomic(path.join(dir, SWEEP_FILES.report), report);
  writeFileAtomic(path.join(dir, SWEEP_FILES.markdown), markdown);
  return { dir, manifest, runs, report, markdown };
}

/** Creates the sweep directory, or checks that an existing one is the same sweep (then resumes it). */
function openSweepDir(dir: string, settings: SweepSettings, configurations: readonly SweepConfiguration[], shard: Shard | null): SweepManifest {
  if (fs.existsSync(path.join(dir, SWEEP_FILES.manifest))) {
    const existing = readSweepManifest(dir);
    const difference = sweepSettingsDifference(existing.settings, settings);
    const sameShard = JSON.stringify(existing.shard) === JSON.stringify(shard);
    if (difference !== null || !sameShard) {
      throw new GradproofError('GP_INPUT', `--out ${dir}: expected an empty folder or the same sweep to resume, got a sweep with ${difference ?? `shard ${JSON.stringify(existing.shard)} instead of ${JSON.stringify(shard)}`}`);
    }
    return existing;
  }
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new GradproofError('GP_INPUT', `--out ${dir}: expected an empty or new folder (or a sweep to resume), got a non-empty folder without ${SWEEP_FILES.manifest}`);
  }
  const manifest: SweepManifest = { schemaVersion: SWEEP_SCHEMA_VERSION, kind: SWEEP_KIND, createdAt: new Date().toISOString(), settings, configurations, shard };
  fs.mkdirSync(dir, { recursive: true });
  writeSweepManifest(dir, manifest);
  return manifest;
}
