/**
 * Training throughput of the source document's CNN (batch 128, one thread): gradproof's wasm
 * engine vs PyTorch CPU (bench/peers/train_cnn_torch.py, same model, batch, optimiser and
 * thread count), side by side in one run. Prints images/s per round, medians and the ratio.
 *
 *   npx tsx bench/train-throughput.bench.ts [--activations relu,leaky:-0.5,prelu] [--rounds 7] [--steps 8] [--profile]
 *
 * The wasm backend runs one thread in Node (tfjs disables its threaded build there).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { seededRandom } from '../src/numeric/index.ts';
import { buildModel, loadWasmEngine, parseActivationSpec, uniformArray } from '../src/train/index.ts';

const BATCH = 128;
const PYTHON = '/usr/bin/python3';
const PEER = 'bench/peers/train_cnn_torch.py';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const rounds = Number(arg('rounds', '7'));
const steps = Number(arg('steps', '8'));
const activations = arg('activations', 'relu').split(',');
const profile = process.argv.includes('--profile');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function wasmRates(activation: string): Promise<number[]> {
  const model = buildModel(parseActivationSpec(activation), { seed: 0 });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const random = seededRandom(1);
  const x = tf.tensor4d(uniformArray(BATCH * 784, random, 0, 1), [BATCH, 28, 28, 1]);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: BATCH }, () => Math.floor(random() * 10)), 'int32'), 10);
  for (let i = 0; i < 3; i++) await model.trainOnBatch(x, y);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) await model.trainOnBatch(x, y);
    rates.push((BATCH * steps) / ((performance.now() - t0) / 1000));
  }
  if (profile) {
    const info = await tf.profile(async () => { await model.trainOnBatch(x, y); });
    const byKernel = new Map<string, number>();
    for (const k of info.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(k.kernelTimeMs));
    console.log(`  profile of one step (${activation}), ms per kernel (composite ops include their kernels):`);
    for (const [name, ms] of [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${name.padEnd(24)} ${ms.toFixed(2)}`);
  }
  tf.dispose([x, y]);
  model.dispose();
  return rates;
}

function torchRates(): { rates: number[]; version: string } | { error: string } {
  if (!fs.existsSync(PYTHON)) return { error: `${PYTHON} not found` };
  const out = spawnSync(PYTHON, [PEER, '--batch', String(BATCH), '--threads', '1', '--rounds', String(rounds), '--steps', String(steps)], { encoding: 'utf8' });
  if (out.status !== 0) return { error: (out.stderr || out.error?.message || 'failed').trim().split('\n').slice(-1)[0] };
  const parsed = JSON.parse(out.stdout) as { rates: number[]; torch: string };
  return { rates: parsed.rates, version: parsed.torch };
}

const engine = await loadWasmEngine();
console.log(`train throughput, batch ${BATCH}, 1 thread, ${rounds} rounds × ${steps} steps (median img/s)`);
console.log(`engine: ${engine.description}`);
const torch = torchRates();
const torchMedian = 'rates' in torch ? median(torch.rates) : undefined;
console.log('rates' in torch
  ? `pytorch ${torch.version} (CPU, 1 thread, relu): ${torchMedian?.toFixed(0)} img/s  [${torch.rates.map((r) => r.toFixed(0)).join(' ')}]`
  : `pytorch: skipped (${torch.error})`);
for (const activation of activations) {
  const rates = await wasmRates(activation);
  const m = median(rates);
  const ratio = torchMedian === undefined ? '' : `, pytorch/gradproof = ${(torchMedian / m).toFixed(2)}×`;
  console.log(`gradproof wasm (${activation}): ${m.toFixed(0)} img/s  [${rates.map((r) => r.toFixed(0)).join(' ')}]${ratio}`);
}
