/**
 * The files of a sweep directory:
 *
 *   sweep.json     what the sweep is: settings, every configuration of the preset, the shard
 *   runs/<id>/     one training run directory per configuration (resumable)
 *   results.json   what each run of this directory gave (updated after every run)
 *   report.json    the comparison with the source document, report.md the same as Markdown
 *
 * All writes are atomic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GradproofError } from '../../symbolic/error.ts';
import { writeJsonAtomic } from '../../symbolic/index.ts';
import type { SweepConfiguration } from './sweep-preset.ts';
import type { SweepRunResult } from './sweep-run.ts';
import type { SweepSettings } from './sweep-settings.ts';
import type { Shard } from './sweep-shard.ts';

/** Version of sweep.json and results.json. */
export const SWEEP_SCHEMA_VERSION = 1;
/** Marks a sweep.json. */
export const SWEEP_KIND = 'gradproof-sweep';

export const SWEEP_FILES = { manifest: 'sweep.json', results: 'results.json', report: 'report.json', markdown: 'report.md' } as const;

/** sweep.json. */
export interface SweepManifest {
  readonly schemaVersion: number;
  readonly kind: typeof SWEEP_KIND;
  readonly createdAt: string;
  readonly settings: SweepSettings;
  /** Every configuration of the sweep (all shards), in order. */
  readonly configurations: readonly SweepConfiguration[];
  /** The slice this directory runs; null for a whole (or merged) sweep. */
  readonly shard: Shard | null;
  /** Directories merged into this one (merge only). */
  readonly mergedFrom?: readonly string[];
}

/** results.json. */
export interface SweepResults {
  readonly schemaVersion: number;
  readonly kind: 'gradproof-sweep-results';
  readonly manifest: SweepManifest;
  readonly runs: readonly SweepRunResult[];
}

/** Writes sweep.json. */
export function writeSweepManifest(dir: string, manifest: SweepManifest): void {
  writeJsonAtomic(path.join(dir, SWEEP_FILES.manifest), manifest);
}

/** Writes results.json. */
export function writeSweepResults(dir: string, manifest: SweepManifest, runs: readonly SweepRunResult[]): void {
  writeJsonAtomic(path.join(dir, SWEEP_FILES.results), { schemaVersion: SWEEP_SCHEMA_VERSION, kind: 'gradproof-sweep-results', manifest, runs } satisfies SweepResults);
}

/**
 * Reads sweep.json of `dir`.
 * @throws GradproofError GP_NOT_FOUND when absent, GP_CORRUPT when not a sweep manifest of this version.
 */
export function readSweepManifest(dir: string): SweepManifest {
  const file = path.join(dir, SWEEP_FILES.manifest);
  if (!fs.existsSync(file)) throw new GradproofError('GP_NOT_FOUND', `sweep ${dir}: expected ${SWEEP_FILES.manifest}, got no such file`);
  const value = readJson(file) as Partial<SweepManifest>;
  if (value.kind !== SWEEP_KIND || value.schemaVersion !== SWEEP_SCHEMA_VERSION || !Array.isArray(value.configurations) || typeof value.settings !== 'object') {
    throw new GradproofError('GP_CORRUPT', `sweep ${file}: expected kind ${SWEEP_KIND}, schemaVersion ${SWEEP_SCHEMA_VERSION}, settings and configurations, got kind ${String(value.kind)}, schemaVersion ${String(value.schemaVersion)}`);
  }
  return value as SweepManifest;
}

/**
 * Reads results.json of `dir` (an empty list when the sweep has not finished a run yet).
 * @throws GradproofError GP_CORRUPT when the file is not valid results.
 */
export function readSweepRuns(dir: string): SweepRunResult[] {
  const file = path.join(dir, SWEEP_FILES.results);
  if (!fs.existsSync(file)) return [];
  const value = readJson(file) as Partial<SweepResults>;
  if (value.kind !== 'gradproof-sweep-results' || !Array.isArray(value.runs)) {
    throw new GradproofError('GP_CORRUPT', `sweep ${file}: expected kind gradproof-sweep-results with a runs array, got kind ${String(value.kind)}`);
  }
  return value.runs as SweepRunResult[];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new GradproofError('GP_CORRUPT', `${file}: expected JSON, got ${(cause as Error).message}`, { cause });
  }
}
