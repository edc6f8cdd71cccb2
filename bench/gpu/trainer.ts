/**
 * The bundled GPU trainer: the source document's Q3 sweep (LeakyReLU α ∈ {−1, −0.5, 0, 0.5, 1}
 * and PReLU) on MNIST-format data plus inverted copies, on gradproof's webgpu engine, printing one
 * JSON line per epoch (seconds, img/s, mean loss) and per configuration (test loss/accuracy).
 *
 * Built into one file by `bench/gpu/build-payload.sh` (esbuild) so it runs on a machine with no
 * Node.js install and no network: `node trainer.mjs --data DIR`. Its twin is `torch_q3.py`
 * (same model, batch, epochs, optimiser, data), run side by side by `run-on-gpu.sh`.
 *
 * The training step is `optimizer.minimize` on a batch built in host memory and uploaded (or, with
 * --resident, gathered on the device from the whole set uploaded once), reading the loss back once
 * per epoch; `torch_q3.py` follows the same loop shape.
 *
 * Flags: --data DIR (train-/t10k- images/labels idx files, raw or .gz) --configs LIST (default
 * "leaky:-1,leaky:-0.5,leaky:0,leaky:0.5,leaky:1,prelu") --epochs N (2) --batch N (128)
 * --lr X (0.001) --seed N (1) --limit N (training images per epoch before the inverted copies;
 * default all) --budget-s S (stop an epoch after S seconds and report the partial rate; default
 * none) --activations gradproof|tfjs (catalog layers, or tfjs-layers' own LeakyReLU/PReLU)
 * --require-hardware (refuse a software adapter) --resident (keep the training set on the device).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

import { parseActivationSpec } from '../../src/train/activation-spec.ts';
import { loadWebGpuEngine, probeWebGpu } from '../../src/train/engines/webgpu.ts';
import { buildModel } from '../../src/train/model.ts';
import { loadHostSet, residentBatches, uploadingBatches, type BatchMaker, type HostSet } from './q3-data.ts';

/** The sweep of the source document's Q3, in its order. */
const DEFAULT_CONFIGS = 'leaky:-1,leaky:-0.5,leaky:0,leaky:0.5,leaky:1,prelu';
/** Keras's clipping of probabilities inside categorical cross-entropy (backend epsilon 1e-7). */
const EPSILON = 1e-7;
/** Steps between clock checks when --budget-s is set (each check waits for the GPU). */
const BUDGET_CHECK_EVERY = 25;
/** Test-set evaluation batch (memory only; no effect on results). */
const EVAL_BATCH = 2000;

interface Options {
  data: string;
  configs: string[];
  epochs: number;
  batch: number;
  lr: number;
  seed: number;
  limit?: number;
  budgetS?: number;
  activations: 'gradproof' | 'tfjs';
  requireHardware: boolean;
  resident: boolean;
}

function parseArgs(argv: string[]): Options {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (flag: string, fallback?: number): number | undefined => {
    const text = get(flag);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new Error(`${flag}: expected a number, got '${text}'`);
    return value;
  };
  const data = get('--data');
  if (data === undefined) throw new Error('--data: expected a folder of MNIST-format IDX files, got none');
  const activations = get('--activations') ?? 'gradproof';
  if (activations !== 'gradproof' && activations !== 'tfjs') throw new Error(`--activations: expected gradproof or tfjs, got '${activations}'`);
  return {
    data,
    configs: (get('--configs') ?? DEFAULT_CONFIGS).split(','),
    epochs: num('--epochs', 2)!,
    batch: num('--batch', 128)!,
    lr: num('--lr', 0.001)!,
    seed: num('--seed', 1)!,
    limit: num('--limit'),
    budgetS: num('--budget-s'),
    activations,
    requireHardware: argv.includes('--require-hardware'),
    resident: argv.includes('--resident'),
  };
}

/** Keras's categorical cross-entropy on softmax outputs: −mean Σ y log(clip(p, ε, 1 − ε)). */
function crossEntropy(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(tf.clipByValue(p, EPSILON, 1 - EPSILON))), -1))) as tf.Scalar;
}

/** The Q3 model for one configuration: gradproof's catalog layers, or tfjs-layers' built-ins. */
function modelFor(config: string, options: Options): tfl.Sequential {
  const spec = parseActivationSpec(config);
  if (options.activations === 'gradproof') return buildModel(spec, { seed: options.seed });
  const init = (k: number) => tfl.initializers.glorotUniform({ seed: options.seed * 16 + k });
  const act = (): tfl.layers.Layer =>
    spec.name === 'prelu'
      ? tfl.layers.prelu({ sharedAxes: [1, 2], alphaInitializer: 'zeros' })
      : tfl.layers.leakyReLU({ alpha: spec.params.alpha ?? 0 });
  return tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 7, kernelInitializer: init(1) }),
      act(),
      tfl.layers.conv2d({ filters: 8, kernelSize: 5, kernelInitializer: init(2) }),
      act(),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(3) }),
    ],
  });
}

/** A seeded permutation of 0 … n−1 (mulberry32 + Fisher–Yates). */
function permutation(n: number, seed: number): Int32Array {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** Trains one configuration for `epochs` epochs, printing a JSON line per epoch and the test result. */
async function trainConfig(config: string, batches: BatchMaker, train: HostSet, test: HostSet, options: Options): Promise<void> {
  const model = modelFor(config, options);
  const optimizer = tf.train.adam(options.lr);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const order = permutation(train.count, options.seed * 1000 + epoch);
    let lossSum: tf.Tensor = tf.scalar(0);
    let steps = 0;
    const start = performance.now();
    for (let b = 0; b + options.batch <= train.count; b += options.batch) {
      const batch = batches.batch(order, b, options.batch);
      const cost = optimizer.minimize(() => crossEntropy(batch.y, model.apply(batch.x, { training: true }) as tf.Tensor), true)!;
      const next = tf.add(lossSum, cost);
      tf.dispose([batch.x, batch.y, cost, lossSum]);
      lossSum = next;
      steps++;
      if (options.budgetS !== undefined && steps % BUDGET_CHECK_EVERY === 0) {
        await lossSum.data(); // wait for the GPU before reading the clock
        if ((performance.now() - start) / 1000 > options.budgetS) break;
      }
    }
    const meanLoss = (await lossSum.data())[0]! / steps;
    lossSum.dispose();
    const seconds = (performance.now() - start) / 1000;
    const images = steps * options.batch;
    emit({
      peer: 'gradproof-webgpu',
      config,
      epoch,
      seconds: round(seconds),
      images,
      complete: images + options.batch > train.count,
      imgPerSec: Math.round(images / seconds),
      loss: round(meanLoss),
    });
  }
  const evaluation = await evaluate(model, test, options.budgetS);
  emit({ peer: 'gradproof-webgpu', config, testLoss: round(evaluation.loss), testAcc: round(evaluation.acc), testImages: evaluation.images });
  optimizer.dispose();
  model.dispose();
}

/**
 * Loss and accuracy on a host set, in uploaded batches, originals and inverted copies interleaved
 * so that an evaluation cut short by --budget-s is still a fair sample of both.
 */
async function evaluate(model: tfl.Sequential, set: HostSet, budgetS?: number): Promise<{ loss: number; acc: number; images: number }> {
  const maker = uploadingBatches(set);
  const half = set.count / 2;
  const order = Int32Array.from({ length: set.count }, (_, i) => (i % 2 === 0 ? i / 2 : half + (i - 1) / 2));
  const start = performance.now();
  let loss = 0;
  let correct = 0;
  let images = 0;
  for (let b = 0; b < set.count; b += EVAL_BATCH) {
    const size = Math.min(EVAL_BATCH, set.count - b);
    const batch = maker.batch(order, b, size);
    const [l, c] = tf.tidy(() => {
      const p = model.predict(batch.x) as tf.Tensor;
      return [tf.mul(crossEntropy(batch.y, p), size), tf.sum(tf.cast(tf.equal(tf.argMax(p, -1), tf.argMax(batch.y, -1)), 'float32'))];
    });
    loss += (await l!.data())[0]!;
    correct += (await c!.data())[0]!;
    images += size;
    tf.dispose([l!, c!, batch.x, batch.y]);
    if (budgetS !== undefined && (performance.now() - start) / 1000 > budgetS) break;
  }
  return { loss: loss / images, acc: correct / images, images };
}

function round(x: number): number {
  return Number(x.toPrecision(5));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const choice = await probeWebGpu();
  const engine = await loadWebGpuEngine({ choice });
  emit({ peer: 'gradproof-webgpu', engine: engine.description, hardwareGpu: engine.hardwareGpu, notes: choice.notes, node: process.version, tfjs: tf.version_core });
  if (options.requireHardware && !engine.hardwareGpu) {
    throw new Error(`--require-hardware: expected a hardware adapter, got ${engine.description} (${choice.notes.join('; ')})`);
  }
  const train = loadHostSet(options.data, 'train', options.limit);
  const test = loadHostSet(options.data, 't10k', options.limit === undefined ? undefined : Math.max(1, Math.floor(options.limit / 6)));
  const batches = options.resident ? residentBatches(train, choice.adapter.limits.maxStorageBufferBindingSize) : uploadingBatches(train);
  emit({
    peer: 'gradproof-webgpu',
    trainImages: train.count,
    testImages: test.count,
    batch: options.batch,
    epochs: options.epochs,
    activations: options.activations,
    data: options.resident ? 'resident' : 'uploaded per batch',
  });
  for (const config of options.configs) await trainConfig(config, batches, train, test, options);
  batches.dispose();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`trainer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
