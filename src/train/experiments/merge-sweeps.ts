/**
 * `mergeSweeps`: joins the shard directories of one sweep (run on several machines) into one
 * sweep directory with the full report. Shards must be of the same sweep — same preset, data,
 * settings and configuration list — or the merge is refused with the difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GradproofError } from '../../symbolic/error.ts';
import { type SweepResult, writeSweepReport } from './run-sweep.ts';
import type { SweepRunResult } from './sweep-run.ts';
import { sweepSettingsDifference } from './sweep-settings.ts';
import { SWEEP_FILES, SWEEP_KIND, SWEEP_SCHEMA_VERSION, type SweepManifest, readSweepManifest, readSweepRuns, writeSweepManifest } from './sweep-store.ts';

/**
 * Merges `dirs` into `outDir` (new or empty): copies each finished run directory, writes
 * sweep.json (no shard, `mergedFrom`), results.json, report.json and report.md.
 *
 * @throws GradproofError GP_CORRUPT when the directories are not shards of one sweep (naming
 *   the first difference) or two shards disagree about a configuration's result; GP_INPUT for
 *   no directories or a non-empty `outDir`; GP_NOT_FOUND when one is not a sweep.
 */
export function mergeSweeps(dirs: readonly string[], outDir: string): SweepResult {
  if (dirs.length === 0) throw new GradproofError('GP_INPUT', '--merge: expected one or more sweep directories, got none');
  const out = path.resolve(outDir);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    throw new GradproofError('GP_INPUT', `--out ${out}: expected an empty or new folder for the merged sweep, got a non-empty folder`);
  }
  const manifests = dirs.map((d) => readSweepManifest(d));
  const first = manifests[0];
  const ids = JSON.stringify(first.configurations.map((c) => c.id));
  manifests.forEach((m, i) => {
    const difference = sweepSettingsDifference(first.settings, m.settings);
    if (difference !== null) throw new GradproofError('GP_CORRUPT', `--merge ${dirs[i]}: expected the settings of ${dirs[0]}, got a different ${difference}`);
    if (JSON.stringify(m.configurations.map((c) => c.id)) !== ids) {
      throw new GradproofError('GP_CORRUPT', `--merge ${dirs[i]}: expected the configurations of ${dirs[0]} (${first.configurations.map((c) => c.id).join(', ')}), got ${m.configurations.map((c) => c.id).join(', ')}`);
    }
    if (m.shard !== null && first.shard !== null && m.shard.count !== first.shard.count) {
      throw new GradproofError('GP_CORRUPT', `--merge ${dirs[i]}: expected shards of ${first.shard.count}, got shard ${m.shard.index}/${m.shard.count}`);
    }
  });
  const merged = new Map<string, { run: SweepRunResult; from: string }>();
  dirs.forEach((d) => {
    for (const run of readSweepRuns(d)) {
      if (run.status !== 'done') continue;
      const seen = merged.get(run.id);
      if (seen !== undefined && JSON.stringify(seen.run.test) !== JSON.stringify(run.test)) {
        throw new GradproofError('GP_CORRUPT', `--merge: expected one result for ${run.id}, got different ones in ${seen.from} and ${d}`);
      }
      if (seen === undefined) merged.set(run.id, { run, from: d });
    }
  });
  fs.mkdirSync(out, { recursive: true });
  const manifest: SweepManifest = {
    schemaVersion: SWEEP_SCHEMA_VERSION, kind: SWEEP_KIND, createdAt: new Date().toISOString(), settings: first.settings,
    configurations: first.configurations, shard: null, mergedFrom: dirs.map((d) => path.resolve(d)),
  };
  writeSweepManifest(out, manifest);
  const runs: SweepRunResult[] = [];
  for (const config of first.configurations) {
    const entry = merged.get(config.id);
    if (entry === undefined) continue;
    fs.cpSync(path.join(entry.from, entry.run.dir), path.join(out, entry.run.dir), { recursive: true });
    runs.push(entry.run);
  }
  return writeSweepReport(out, manifest, runs);
}

/** True when `dir` holds a sweep (for the CLI's `--merge` vs run-directory decisions). */
export function isSweepDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, SWEEP_FILES.manifest));
}
