/**
 * The run directory of a training run, and its crash-safe bookkeeping.
 *
 *   config.json       what was asked (all defaults filled), dataset and engine — written once
 *   metrics.jsonl     one JSON line per finished epoch
 *   state.json        the commit point: epochs completed, which checkpoints hold "last" and "best",
 *                     the early-stopping counter
 *   checkpoints/epoch-NNNN/   model + optimizer state after epoch N (only last and best are kept)
 *   final.json        the summary, once the run has finished
 *
 * Every file is written atomically. After a crash, the checkpoint named by `state.json` is
 * complete (it is written first) and metrics lines past `epochsCompleted` are discarded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GradproofError, writeFileAtomic, writeJsonAtomic } from '../symbolic/index.ts';
import type { ResolvedTrainConfig } from './train-options.ts';

/** Version of every JSON file of a run directory; bump on incompatible changes. */
export const RUN_SCHEMA_VERSION = 1;
/** Marks a config.json as a gradproof training run. */
export const RUN_KIND = 'gradproof-train-run';

export const RUN_FILES = {
  config: 'config.json',
  metrics: 'metrics.jsonl',
  state: 'state.json',
  final: 'final.json',
  checkpoints: 'checkpoints',
} as const;

/** config.json. */
export interface RunConfigFile {
  schemaVersion: number;
  kind: typeof RUN_KIND;
  createdAt: string;
  config: ResolvedTrainConfig;
  dataset: { name: string; description: string; train: number; validation: number; test: number };
  engine: { name: string; description: string };
}

/** state.json. */
export interface RunState {
  schemaVersion: number;
  epochsCompleted: number;
  /** Checkpoint folder (relative to the run) after the last completed epoch. */
  lastCheckpoint: string | null;
  bestEpoch: number | null;
  bestValLoss: number | null;
  bestCheckpoint: string | null;
  /** Epochs since the best one (early stopping). */
  wait: number;
  stoppedEarly: boolean;
  finished: boolean;
}

/** One line of metrics.jsonl. */
export interface EpochMetrics {
  schemaVersion: number;
  epoch: number;
  loss: number;
  acc: number;
  val_loss: number;
  val_acc: number;
  seconds: number;
  img_per_s: number;
}

/** The state of a run that has not completed an epoch. */
export function initialState(): RunState {
  return { schemaVersion: RUN_SCHEMA_VERSION, epochsCompleted: 0, lastCheckpoint: null, bestEpoch: null, bestValLoss: null, bestCheckpoint: null, wait: 0, stoppedEarly: false, finished: false };
}

/** Checkpoint folder name of epoch `n`. */
export function checkpointName(epoch: number): string {
  return path.join(RUN_FILES.checkpoints, `epoch-${String(epoch).padStart(4, '0')}`);
}

/**
 * Creates the run directory; refuses one that already holds files.
 *
 * @throws GradproofError GP_INPUT when `dir` exists and is not an empty folder.
 */
export function createRunDir(dir: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new GradproofError('GP_INPUT', `--out: expected a directory, got a file at ${dir}`);
    const entries = fs.readdirSync(dir);
    if (entries.length > 0) {
      throw new GradproofError('GP_INPUT', `--out ${dir}: expected an empty or new directory, got ${entries.length} entries (use --resume ${dir} to continue a run)`);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
}

export function writeRunConfig(dir: string, file: RunConfigFile): void {
  writeJsonAtomic(path.join(dir, RUN_FILES.config), file);
}

export function writeRunState(dir: string, state: RunState): void {
  writeJsonAtomic(path.join(dir, RUN_FILES.state), state);
}

export function writeMetrics(dir: string, lines: readonly EpochMetrics[]): void {
  writeFileAtomic(path.join(dir, RUN_FILES.metrics), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

/** A run directory read back and validated. */
export interface StoredRun {
  config: RunConfigFile;
  state: RunState;
  /** Metrics of the completed epochs only. */
  metrics: EpochMetrics[];
}

function corrupt(dir: string, what: string, cause?: unknown): GradproofError {
  return new GradproofError('GP_CORRUPT', `run directory ${dir}: ${what}`, { position: { file: dir }, ...(cause === undefined ? {} : { cause }) });
}

function readJson(dir: string, name: string): unknown {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw corrupt(dir, `expected ${name}, got ${(cause as NodeJS.ErrnoException).code ?? 'an unreadable file'}`, cause);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw corrupt(dir, `expected ${name} to be JSON, got ${(cause as Error).message}`, cause);
  }
}

function checkVersion(dir: string, name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw corrupt(dir, `expected ${name} to hold an object, got ${value === null ? 'null' : typeof value}`);
  const v = (value as { schemaVersion?: unknown }).schemaVersion;
  if (v !== RUN_SCHEMA_VERSION) throw corrupt(dir, `expected ${name} schemaVersion ${RUN_SCHEMA_VERSION}, got ${String(v)} (incompatible gradproof version)`);
  return value as Record<string, unknown>;
}

/**
 * Reads and validates a run directory for resuming.
 *
 * @throws GradproofError GP_CORRUPT with the reason: missing or malformed files, another schema
 *   version, a checkpoint that does not exist.
 */
export function readRun(dir: string): StoredRun {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new GradproofError('GP_NOT_FOUND', `--resume: expected a run directory, got ${dir} (missing or not a folder)`);
  const config = checkVersion(dir, RUN_FILES.config, readJson(dir, RUN_FILES.config));
  if (config.kind !== RUN_KIND) throw corrupt(dir, `expected config.json kind '${RUN_KIND}', got ${JSON.stringify(config.kind)}`);
  const c = config.config as Partial<ResolvedTrainConfig> | undefined;
  if (typeof c !== 'object' || c === null || typeof c.activation?.name !== 'string' || typeof c.epochs !== 'number' || typeof c.batchSize !== 'number') {
    throw corrupt(dir, 'expected config.json to hold the run options (activation, epochs, batchSize, …), got an incomplete object');
  }
  const stateFile = path.join(dir, RUN_FILES.state);
  const state = fs.existsSync(stateFile) ? checkVersion(dir, RUN_FILES.state, readJson(dir, RUN_FILES.state)) as unknown as RunState : initialState();
  if (!Number.isInteger(state.epochsCompleted) || state.epochsCompleted < 0) throw corrupt(dir, `expected state.json epochsCompleted ≥ 0, got ${String(state.epochsCompleted)}`);
  for (const key of ['lastCheckpoint', 'bestCheckpoint'] as const) {
    const ckpt = state[key];
    if (ckpt !== null && !fs.existsSync(path.join(dir, ckpt, 'model.json'))) throw corrupt(dir, `expected checkpoint ${ckpt} named by state.json (${key}), got no such folder`);
  }
  if (state.epochsCompleted > 0 && state.lastCheckpoint === null) throw corrupt(dir, `expected a last checkpoint after ${state.epochsCompleted} epochs, got none`);
  const metrics = readMetrics(dir).filter((m) => m.epoch <= state.epochsCompleted);
  if (metrics.length !== state.epochsCompleted) throw corrupt(dir, `expected ${state.epochsCompleted} lines in metrics.jsonl, got ${metrics.length}`);
  return { config: config as unknown as RunConfigFile, state, metrics };
}

function readMetrics(dir: string): EpochMetrics[] {
  const file = path.join(dir, RUN_FILES.metrics);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line, i) => {
    try {
      return checkVersion(dir, `metrics.jsonl line ${i + 1}`, JSON.parse(line)) as unknown as EpochMetrics;
    } catch (cause) {
      if (cause instanceof GradproofError) throw cause;
      throw corrupt(dir, `expected JSON on metrics.jsonl line ${i + 1}, got ${(cause as Error).message}`, cause);
    }
  });
}
