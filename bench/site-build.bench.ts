/**
 * Benchmark: building the documentation site without training (issue 8: under 10 s on the
 * 2-core machine). Times `gradproof docs build` as the library does it — verify the catalog,
 * then build every page (KaTeX, SVG plots, accuracy against the 50-digit reference, the esbuild
 * bundle of the instructor checker) — and the build alone from a ready report. Medians of
 * RUNS runs. Run: npx tsx bench/site-build.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../src/site/index.ts';
import { verifyCatalog } from '../src/symbolic/index.ts';

/** Timed repetitions (after one warm-up): enough for a stable median on a shared machine. */
const RUNS = 3;
/** The target for a full docs build without training, in seconds. */
const TARGET_SECONDS = 10;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tmp = mkdtempSync(join(tmpdir(), 'gp-bench-site-'));
try {
  const full: number[] = [];
  const buildOnly: number[] = [];
  const verifyOnly: number[] = [];
  const parts: { measure: number[]; render: number[]; bundleWait: number[] } = { measure: [], render: [], bundleWait: [] };
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const report = verifyCatalog();
    const t1 = performance.now();
    const site = await buildSite({ out: join(tmp, 'site'), report });
    const t2 = performance.now();
    if (i === 0) continue; // warm-up: module loading and JIT
    verifyOnly.push(t1 - t0);
    buildOnly.push(t2 - t1);
    full.push(t2 - t0);
    pages = site.pages.length;
    for (const key of ['measure', 'render', 'bundleWait'] as const) parts[key].push(site.timings[key]);
    bytes = site.instructorBytes;
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`site build: ${pages} pages, instructor bundle ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`  verify catalog + claims   median ${s(median(verifyOnly))}`);
  console.log(`  build site from report    median ${s(median(buildOnly))}`);
  console.log(`    measurements (accuracy, step curves, gradcheck, plot data) ${s(median(parts.measure))}, rendering and writing pages ${s(median(parts.render))}, waiting for the bundle ${s(median(parts.bundleWait))}`);
  console.log(`  total (docs build)        median ${s(median(full))}   target < ${TARGET_SECONDS} s: ${median(full) / 1000 < TARGET_SECONDS ? 'met' : 'NOT met'}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
