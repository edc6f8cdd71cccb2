/**
 * Wall time of the default `seed-q3` sweep (`gradproof train --preset seed-q3 --data embedded`
 * with default settings: 7 runs, 3 epochs each on the 8,000 + 8,000 embedded training images,
 * one worker per core). Target: under 15 minutes on the 2-core machine. Prints per-run times,
 * the total, and the report table (Markdown) that the README quotes.
 *
 *   npx tsx bench/q3-sweep.bench.ts [--out DIR] [--workers N] [--epochs N] [--limit N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSweep } from '../src/train/experiments/index.ts';

/** The issue's bound for the default sweep on the 2-core machine. */
const TARGET_SECONDS = 15 * 60;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : undefined;
}
const numberArg = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));

const out = arg('out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gradproof-q3-sweep-'));
const t0 = performance.now();
const elapsed = () => ((performance.now() - t0) / 1000).toFixed(0);
console.log(`q3 sweep → ${out} (${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
const result = await runSweep({
  preset: 'seed-q3', data: 'embedded', outDir: out,
  workers: numberArg('workers'), epochs: numberArg('epochs'), limit: numberArg('limit'),
  onProgress: (e) => {
    if (e.type === 'run-done') {
      const r = e.result;
      console.log(`[${elapsed()} s] ${r.id}: ${r.status}${r.error === null ? '' : ` (${r.error})`}, ${r.seconds.toFixed(0)} s of training at ${r.imgPerSec.toFixed(0)} img/s, test acc ${r.test?.acc.toFixed(4) ?? '—'}`);
    }
  },
});
const seconds = (performance.now() - t0) / 1000;
const s = result.manifest.settings;
console.log('');
console.log(`wall time: ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min) for ${result.runs.length} runs, ${s.epochs} epochs, limit ${s.limit ?? 'all'}, ` +
  `target < ${TARGET_SECONDS / 60} min: ${seconds < TARGET_SECONDS ? 'met' : 'NOT met'}; load average after ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('');
console.log(result.markdown);
