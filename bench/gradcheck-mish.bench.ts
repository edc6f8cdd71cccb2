/**
 * Gradient checker benchmarks, side by side with PyTorch:
 *
 * 1. An elementwise check of Mish′ at 1,000,000 float64 points (`checkElementwise`: f at x ± h for
 *    every point, the analytic derivative compiled from `derive`, tolerance per point, worst point,
 *    plus the off-diagonal probe) against the same work in PyTorch (autograd of
 *    torch.nn.functional.mish plus a central difference and the comparison, one thread,
 *    `bench/peers/gradcheck_torch.py` via /usr/bin/python3). 7 interleaved rounds (ours, then a
 *    PyTorch process timing one round after a warm-up round), medians; ratio printed (PyTorch
 *    time / gradproof time: ≥ 1 means gradproof is at least as fast).
 * 2. `gradproof gradcheck` over the whole catalog (default settings), end to end as a process,
 *    and the library call alone.
 *
 * Run: npx tsx bench/gradcheck-mish.bench.ts [--points N] [--rounds N] [--no-torch] [--no-cli]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkElementwise, gradcheckCatalog } from '../src/gradcheck/index.ts';
import { compileExpression, seededRandom } from '../src/numeric/index.ts';
import { builtinCatalog, derive, parseExpression } from '../src/symbolic/index.ts';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const POINTS = flag('--points', 1_000_000);
const ROUNDS = flag('--rounds', 7);
const PYTHON = '/usr/bin/python3';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** One PyTorch round (a fresh process: warm-up round, then one timed round), or why not. */
function torchRound(): { seconds: number; torch: string; passed: boolean } | string {
  if (argv.includes('--no-torch')) return 'skipped (--no-torch)';
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const run = spawnSync(PYTHON, [new URL('./peers/gradcheck_torch.py', import.meta.url).pathname, '--points', String(POINTS), '--rounds', '1', '--warmup', '1', '--threads', '1'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) return `PyTorch peer failed (exit ${run.status}); is python3-torch installed?`;
  const out = JSON.parse(run.stdout) as { median: number; torch: string; passed: boolean };
  return { seconds: out.median, torch: out.torch, passed: out.passed };
}

// 1. elementwise Mish′
const rand = seededRandom(1);
const points = Float64Array.from({ length: POINTS }, () => rand() * 40 - 20);
const mish = compileExpression(parseExpression('mish(x)'), { variables: ['x'] });
const dmish = compileExpression(derive(parseExpression('x*tanh(softplus(x))'), 'x'), { variables: ['x'] });
const buffers = [new Float64Array(POINTS), new Float64Array(POINTS), new Float64Array(POINTS)];
let next = 0;
const f = (x: Float64Array) => mish.evaluateMany([x], buffers[next++ % 2]!);
const df = (x: Float64Array) => dmish.evaluateMany([x], buffers[2]!);
const check = () => checkElementwise({ f: (x) => f(x as Float64Array), df: (x) => df(x as Float64Array), points });
for (let i = 0; i < 2; i++) check(); // warm-up (JIT)
// Rounds are interleaved (ours, then PyTorch's) so both see the same machine load; the ratio
// is reported per pair and as the ratio of medians.
const ours: number[] = [];
const theirs: number[] = [];
const ratios: number[] = [];
let status = '';
let peerNote = '';
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  const report = check();
  const mine = (performance.now() - t0) / 1000;
  ours.push(mine);
  status = `${report.status}, ${report.checked} points, worst rel. error ${report.worst?.relError.toExponential(2)}`;
  const peer = torchRound();
  if (typeof peer === 'string') { peerNote = peer; continue; }
  peerNote = `PyTorch ${peer.torch} autograd + central difference (passed: ${peer.passed})`;
  theirs.push(peer.seconds);
  ratios.push(peer.seconds / mine);
}
const oursMedian = median(ours);
console.log(`Elementwise check of Mish′ at ${POINTS.toLocaleString('en')} float64 points, one thread, ${ROUNDS} interleaved rounds, medians`);
console.log(`  gradproof checkElementwise: ${(oursMedian * 1000).toFixed(1)} ms (${status})`);
if (theirs.length === 0) {
  console.log(`  PyTorch: ${peerNote}`);
} else {
  console.log(`  ${peerNote}: ${(median(theirs) * 1000).toFixed(1)} ms`);
  console.log(`  ratio PyTorch/gradproof: ${(median(theirs) / oursMedian).toFixed(2)} (of medians), ${median(ratios).toFixed(2)} (median of paired rounds; ≥ 1: gradproof at least as fast)`);
}

// 2. the whole catalog
if (!argv.includes('--no-cli')) {
  const cli = new URL('../bin/gradproof.js', import.meta.url).pathname;
  const wall: number[] = [];
  let exit: number | null = null;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [cli, 'gradcheck'], { encoding: 'utf8' });
    wall.push((performance.now() - t0) / 1000);
    exit = run.status;
    if (run.status !== 0 && run.status !== 1) { console.log(`  gradproof gradcheck failed to run (exit ${run.status}): ${run.stderr.split('\n').slice(0, 3).join(' ')}`); break; }
  }
  console.log(`\n\`gradproof gradcheck\` (whole catalog, defaults), as a process: median ${median(wall).toFixed(2)} s of ${wall.length} (exit ${exit}; target < 2 s)`);
  const startup: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    startup.push((performance.now() - t0) / 1000);
  }
  console.log(`  of which CLI start-up (\`gradproof --help\`, loads every command): median ${median(startup).toFixed(2)} s`);
}
const library: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  gradcheckCatalog(builtinCatalog(), {});
  library.push((performance.now() - t0) / 1000);
}
console.log(`gradcheckCatalog (library call, same work, after the first): median ${(median(library.slice(1)) * 1000).toFixed(0)} ms, first ${(library[0]! * 1000).toFixed(0)} ms`);
