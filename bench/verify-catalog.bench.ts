/**
 * Benchmark: `gradproof verify` over the whole built-in catalog and every claim (issue 2 target:
 * under 5 s on the 2-core machine). Times the library call in-process (median of several runs)
 * and the command end to end as a user runs it (process start included).
 *
 * Run: `npx tsx bench/verify-catalog.bench.ts [--repeats N]`
 */
import { spawnSync } from 'node:child_process';
import { verifyCatalog } from '../src/symbolic/index.ts';

const repeats = Number(process.argv[process.argv.indexOf('--repeats') + 1]) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const inProcess: number[] = [];
for (let i = 0; i < repeats; i++) {
  const t0 = performance.now();
  const report = verifyCatalog();
  inProcess.push(performance.now() - t0);
  if (i === 0) {
    const derivatives = report.functions.flatMap((f) => f.derivatives);
    const proved = derivatives.filter((d) => d.proof.status === 'proved').length;
    console.log(`catalog: ${report.functions.length} functions, ${proved}/${derivatives.length} derivatives proved, ${report.claims.length} claims`);
  }
}

const endToEnd: number[] = [];
for (let i = 0; i < Math.min(repeats, 3); i++) {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['bin/gradproof.js', 'verify', '--json'], { encoding: 'utf8' });
  endToEnd.push(performance.now() - t0);
  if (run.status !== 0) console.log(`gradproof verify exited ${run.status}: ${run.stderr.slice(0, 400)}`);
}

console.log(`verifyCatalog() in-process: median ${(median(inProcess) / 1000).toFixed(2)} s over ${repeats} runs (first run ${(inProcess[0]! / 1000).toFixed(2)} s)`);
console.log(`gradproof verify end to end: median ${(median(endToEnd) / 1000).toFixed(2)} s over ${endToEnd.length} runs (target < 5 s)`);
