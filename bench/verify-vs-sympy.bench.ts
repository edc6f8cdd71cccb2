/**
 * Prover vs SymPy: times gradproof's `prove` on the source document's identities (every catalog
 * alternative form against its derivative or definition, plus the tricky pairs of issue 2) and
 * SymPy's `simplify(a − b) == 0` on the same identities, side by side, with the ratio.
 *
 * Run: npx tsx bench/verify-vs-sympy.bench.ts [--repeats N] [--sympy-timeout S] [--no-sympy]
 * Ours: median of N runs (default 7) per identity. SymPy: one run per identity (it is slow), each
 * with a timeout of S seconds (default 20), in one Python process via /usr/bin/python3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { MathNode } from 'mathjs';
import { builtinCatalog } from '../src/symbolic/catalog/catalog.ts';
import { derive } from '../src/symbolic/derive.ts';
import { parseExpression as p } from '../src/symbolic/parse.ts';
import { prove, substituteWhere } from '../src/symbolic/prove/index.ts';

interface Identity {
  readonly id: string;
  readonly a: MathNode;
  readonly b: MathNode;
  readonly variables: string[];
}

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const REPEATS = flag('--repeats', 7);
const SYMPY_TIMEOUT_S = flag('--sympy-timeout', 20);
const PYTHON = '/usr/bin/python3';

function identities(): Identity[] {
  const out: Identity[] = [];
  for (const entry of builtinCatalog().entries) {
    const variables = [...entry.variables.map((v) => v.name), ...entry.parameters.map((q) => q.name)];
    for (const form of entry.forms) {
      const t = form.target;
      const expected = t.kind === 'function' ? entry.definition : derive(entry.definition, t.wrt);
      out.push({ id: form.id, a: substituteWhere(form.expression, form.where ?? {}), b: expected, variables });
    }
    if (entry.stable) out.push({ id: `${entry.name}.stable`, a: entry.stable, b: entry.definition, variables });
  }
  const pairs: [string, string, string][] = [
    ['tanh-softplus-closed-form', 'tanh(log(1+e^x))', '(e^(2x)+2e^x)/(e^(2x)+2e^x+2)'],
    ['sech2-tanh2', 'sech(x)^2', '1 - tanh(x)^2'],
    ['sigmoid-reflection', 'sigmoid(-x)', '1 - sigmoid(x)'],
    ['sigmoid-derivative', 'exp(-x)/(1+exp(-x))^2', 'sigmoid(x)*(1-sigmoid(x))'],
  ];
  for (const [id, a, b] of pairs) out.push({ id, a: p(a), b: p(b), variables: ['x'] });
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const sympyText = (n: MathNode) => n.toString({ implicit: 'show', parenthesis: 'all' }).replace(/\^/g, '**');

function runSympy(list: Identity[]): Map<string, { seconds: number; result: string }> | string {
  if (argv.includes('--no-sympy')) return 'skipped (--no-sympy)';
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import sympy; print(sympy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'python3-sympy not installed';
  console.log(`SymPy ${probe.stdout.trim()} (simplify(a - b) == 0, timeout ${SYMPY_TIMEOUT_S} s each) ...`);
  const input = JSON.stringify(list.map((i) => ({ id: i.id, a: sympyText(i.a), b: sympyText(i.b) })));
  const run = spawnSync(PYTHON, [new URL('./peers/sympy_identities.py', import.meta.url).pathname, String(SYMPY_TIMEOUT_S)], {
    input, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (run.status !== 0) return `SymPy run failed (exit ${run.status})`;
  const rows = JSON.parse(run.stdout) as { id: string; seconds: number; result: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

const list = identities();
console.log(`${list.length} identities; gradproof prove: median of ${REPEATS} runs each`);
const ours = list.map((identity) => {
  const times: number[] = [];
  let status = '';
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    status = prove(identity.a, identity.b, { variables: identity.variables }).status;
    times.push(performance.now() - t);
  }
  return { id: identity.id, ms: median(times), status };
});
const sympy = runSympy(list);

console.log('\n| identity | gradproof | ms (median) | SymPy | s | SymPy / gradproof |');
console.log('|---|---|---:|---|---:|---:|');
const ratios: number[] = [];
for (const o of ours) {
  const s = typeof sympy === 'string' ? undefined : sympy.get(o.id);
  const ratio = s ? (s.seconds * 1000) / o.ms : undefined;
  if (ratio !== undefined) ratios.push(ratio);
  console.log(`| ${o.id} | ${o.status} | ${o.ms.toFixed(2)} | ${s?.result ?? '-'} | ${s ? s.seconds.toFixed(2) : '-'} | ${ratio === undefined ? '-' : `${ratio.toFixed(0)}×`} |`);
}
const oursMedian = median(ours.map((o) => o.ms));
const oursTotal = ours.reduce((t, o) => t + o.ms, 0);
console.log(`\ngradproof: median ${oursMedian.toFixed(2)} ms per identity, total ${oursTotal.toFixed(0)} ms, proved ${ours.filter((o) => o.status === 'proved').length}/${ours.length}`);
if (typeof sympy === 'string') console.log(`SymPy: ${sympy}`);
else {
  const rows = [...sympy.values()];
  console.log(`SymPy: median ${median(rows.map((r) => r.seconds)).toFixed(2)} s per identity, total ${rows.reduce((t, r) => t + r.seconds, 0).toFixed(1)} s, zero ${rows.filter((r) => r.result === 'zero').length}/${rows.length}, timeouts ${rows.filter((r) => r.result === 'timeout').length}`);
  console.log(`ratio SymPy/gradproof: median ${median(ratios).toFixed(0)}× over ${ratios.length} identities`);
}
