/**
 * Batch grading benchmark (issue 5): 1,000 mixed submissions against the seed homework bank,
 * graded by `gradeBatch` in worker threads, wall time from the call to the last row (worker
 * start-up included). Also times every hand-written hostile input through the LaTeX parser and
 * reports the slowest.
 *
 *   npx tsx bench/grade-batch.bench.ts [--rows N] [--workers N] [--repeats N]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { gradeBatch, type Submission } from '../src/grade/index.ts';
import { parseAnswer } from '../src/symbolic/index.ts';
import { HOSTILE_INPUTS } from '../test/symbolic/latex/hostile-inputs.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = flag('rows', 1000);
const WORKERS = flag('workers', Math.min(availableParallelism(), 4));
const REPEATS = flag('repeats', 3);

const bankUrl = new URL('../examples/seed-homework/bank.yaml', import.meta.url);
const bank = { text: readFileSync(bankUrl, 'utf8'), file: 'examples/seed-homework/bank.yaml' };

/** Answer makers per question; `k` varies constants so that most answers are distinct strings. */
const MAKERS: [string, (k: number) => string, string?][] = [
  ['q1-swish-derivative', () => '\\sigma(x) + x\\sigma(x)(1-\\sigma(x))'],
  ['q1-swish-derivative', (k) => `\\text{Swish}(x) + \\sigma(x)(1 - \\text{Swish}(x)) + ${k} - ${k}`],
  ['q1-swish-derivative', (k) => `${k}\\sigma(x) + ${k}x\\sigma(x)(1-\\sigma(x))`],
  ['q1-swish-derivative', (k) => `-\\sigma(x) - x\\sigma(x)(1-\\sigma(x)) + ${k}`],
  ['q1-mish-derivative', () => '\\tanh(\\ln(1+e^x)) + x\\operatorname{sech}^2(\\ln(1+e^x))\\frac{e^x}{e^x+1}'],
  ['q1-mish-derivative', (k) => `\\frac{e^x\\omega}{\\delta^2} + ${k}x - ${k}x`, '\\omega = 4(x+1)+4e^{2x}+e^{3x}+e^x(4x+6); \\delta = 2e^x+e^{2x}+2'],
  ['q1-mish-derivative', (k) => `${k}\\tanh(\\operatorname{softplus}(x)) + x\\operatorname{sech}^2(\\operatorname{softplus}(x))`],
  ['q1-swish-beta-derivative', (k) => `\\sigma(\\beta x) + ${k}x\\sigma(\\beta x)(1-\\sigma(\\beta x))`],
  ['q2-bce-derivative', (k) => `-\\frac{y}{a} + \\frac{1-y}{1-a} + ${k}a - ${k}a`],
  ['q2-bce-at-half', (k) => `0.69${k}`],
  ['q2-mse-at-half', (k) => `0.25 \\cdot ${k} / ${k}`],
  ['q1-swish-derivative', (k) => `\\frac{1}{${'{'.repeat(k % 60)}`],
  ['q1-swish-derivative', (k) => `e^{e^{e^{e^{${k}x}}}}`],
];

function submissions(n: number): Submission[] {
  return Array.from({ length: n }, (_, i) => {
    const [question, make, where] = MAKERS[i % MAKERS.length]!;
    return { row: i + 1, line: i + 2, student: `s${i}`, question, answer: make(1 + Math.floor(i / MAKERS.length)), where };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows = submissions(ROWS);
const distinct = new Set(rows.map((r) => `${r.question}|${r.answer}|${r.where ?? ''}`)).size;
console.log(`grade-batch: ${ROWS} submissions (${distinct} distinct), ${WORKERS} workers, load average ${loadavg()[0]!.toFixed(1)}`);
const times: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  const cpuBefore = process.cpuUsage();
  const result = await gradeBatch(bank, rows, { workers: WORKERS });
  const cpu = process.cpuUsage(cpuBefore);
  times.push(result.elapsedMs);
  const count = (status: string) => result.rows.filter((x) => x.status === status).length;
  const answerMs = result.rows.filter((x) => x.status === 'graded').map((x) => x.elapsedMs);
  console.log(`  run ${r + 1}: ${(result.elapsedMs / 1000).toFixed(2)} s; graded ${count('graded')}, parse errors ${count('parse-error')}, timeouts ${count('timeout')}; ` +
    `per graded answer median ${median(answerMs)} ms, max ${Math.max(...answerMs)} ms; ` +
    `CPU (all threads) ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
}
console.log(`  median wall time: ${(median(times) / 1000).toFixed(2)} s (target < 10 s)`);

let slowest = { ms: 0, text: '' };
const started = performance.now();
for (const text of HOSTILE_INPUTS) {
  for (const format of ['latex', 'auto'] as const) {
    const t = performance.now();
    try {
      parseAnswer(text, { format });
    } catch {
      // refusals are the expected outcome
    }
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, text };
  }
}
console.log(`hostile inputs: ${HOSTILE_INPUTS.length} × 2 formats in ${(performance.now() - started).toFixed(0)} ms; slowest ${slowest.ms.toFixed(1)} ms (${JSON.stringify(slowest.text.slice(0, 30))}…)`);
