/**
 * Reads training run directories for the Experiments page, tolerating anything missing or
 * malformed: a run is whatever of `config.json`, `metrics.jsonl` and `final.json` a directory
 * holds, and each problem is recorded as text for the page instead of failing the build.
 * PNG images (output landscapes), the trainer's Markdown reports (`report.md`, `q2.md`,
 * `landscape.md`) and JSON summaries with a `kind` found beside the runs are collected too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** A JSON object read from a run. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** One run directory as found on disk. */
export interface RunRecord {
  readonly dir: string;
  /** Path relative to the directory given with --runs (its base name when it is that directory). */
  readonly name: string;
  readonly config?: JsonObject;
  /** One object per line of metrics.jsonl (lines that are not JSON objects are counted in `problems`). */
  readonly metrics: readonly JsonObject[];
  readonly final?: JsonObject;
  /** Files a run normally has that this one lacks. */
  readonly missing: readonly string[];
  readonly problems: readonly string[];
}

/** An image to copy into the site. */
export interface RunImage {
  readonly file: string;
  /** Label: path relative to the --runs directory. */
  readonly label: string;
}

/** A Markdown report the trainer wrote beside its runs (Q3 sweep, Q2, landscape). */
export interface RunReport {
  readonly file: string;
  /** Path relative to the --runs directory. */
  readonly label: string;
  readonly text: string;
}

/** A JSON summary with a `kind` (e.g. `gradproof-q2-report`) found outside run directories. */
export interface RunDocument {
  readonly file: string;
  readonly label: string;
  readonly kind: string;
  readonly value: JsonObject;
}

/** Everything found under the --runs directories. */
export interface RunsFound {
  readonly given: readonly string[];
  readonly runs: readonly RunRecord[];
  readonly images: readonly RunImage[];
  readonly reports: readonly RunReport[];
  readonly documents: readonly RunDocument[];
  readonly problems: readonly string[];
}

const RUN_FILES = ['config.json', 'metrics.jsonl', 'final.json'] as const;
/** How deep below a --runs directory runs are looked for (sweep dir / run dir / …). */
const MAX_DEPTH = 3;
/** Directories scanned at most, so a mistaken `--runs /` cannot walk the disk. */
const MAX_DIRS = 2000;
/** Largest file read (metrics of long runs stay far below). */
const MAX_FILE_BYTES = 50_000_000;

function readJson(file: string, problems: string[]): JsonObject | undefined {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      problems.push(`${basename(file)}: larger than ${MAX_FILE_BYTES} bytes, not read`);
      return undefined;
    }
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
    problems.push(`${basename(file)}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  } catch (error) {
    problems.push(`${basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

function readJsonLines(file: string, problems: string[]): JsonObject[] {
  const rows: JsonObject[] = [];
  let bad = 0;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`metrics.jsonl: ${error instanceof Error ? error.message : String(error)}`);
    return rows;
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value)) rows.push(value as JsonObject);
      else bad++;
    } catch {
      bad++; // a line cut short by an interrupted run: counted, not fatal
    }
  }
  if (bad) problems.push(`metrics.jsonl: ${bad} line(s) are not JSON objects (an interrupted run?), skipped`);
  return rows;
}

function readRun(dir: string, base: string): RunRecord {
  const problems: string[] = [];
  const present = RUN_FILES.filter((f) => existsSync(join(dir, f)));
  return {
    dir,
    name: relative(base, dir) || basename(dir),
    config: present.includes('config.json') ? readJson(join(dir, 'config.json'), problems) : undefined,
    metrics: present.includes('metrics.jsonl') ? readJsonLines(join(dir, 'metrics.jsonl'), problems) : [],
    final: present.includes('final.json') ? readJson(join(dir, 'final.json'), problems) : undefined,
    missing: RUN_FILES.filter((f) => !present.includes(f)),
    problems,
  };
}

/**
 * Finds the runs and images under each directory of `dirs` (each may be a run or hold runs).
 * Never throws for bad content; a directory that does not exist is reported in `problems`.
 */
export function readRuns(dirs: readonly string[]): RunsFound {
  const runs: RunRecord[] = [];
  const images: RunImage[] = [];
  const reports: RunReport[] = [];
  const documents: RunDocument[] = [];
  const problems: string[] = [];
  let scanned = 0;
  for (const given of dirs) {
    const base = resolve(given);
    if (!existsSync(base) || !statSync(base).isDirectory()) {
      problems.push(`${given}: not a directory`);
      continue;
    }
    const walk = (dir: string, depth: number): void => {
      if (++scanned > MAX_DIRS) return;
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        problems.push(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const names = new Set(entries.map((e) => e.name));
      const isRun = RUN_FILES.some((f) => names.has(f));
      if (isRun) runs.push(readRun(dir, base));
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(dir, e.name);
        const label = relative(base, full);
        const lower = e.name.toLowerCase();
        if (e.isFile() && lower.endsWith('.png')) images.push({ file: full, label });
        else if (e.isFile() && !isRun && lower.endsWith('.md') && statSync(full).size <= MAX_FILE_BYTES) reports.push({ file: full, label, text: readFileSync(full, 'utf8') });
        else if (e.isFile() && !isRun && lower.endsWith('.json')) {
          const value = readJson(full, problems);
          if (value && typeof value.kind === 'string') documents.push({ file: full, label, kind: value.kind, value });
        }
        else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.')) walk(full, depth + 1);
      }
    };
    walk(base, 0);
    if (scanned > MAX_DIRS) problems.push(`${given}: more than ${MAX_DIRS} directories, the rest not scanned`);
  }
  if (dirs.length && runs.length === 0 && reports.length === 0 && documents.length === 0) {
    problems.push('no run found: a run directory holds config.json, metrics.jsonl or final.json');
  }
  return { given: dirs, runs, images, reports, documents, problems };
}
