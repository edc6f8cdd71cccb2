/**
 * tfjs-backend-webgpu's kernels, run through Dawn on this machine's adapter (Mesa's software GL
 * in CI), against tfjs's pure-JS cpu backend: every op the homework CNN and the catalog's
 * activations use in training, forward and backward.
 *
 * Tensors never move between backends (WebGPU in Node cannot read synchronously): each side is
 * built from the same Float32Arrays and read back with `await data()`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { isGradproofError } from '../../../src/symbolic/error.ts';
import { loadCpuEngine } from '../../../src/train/engines/cpu.ts';
import { loadWebGpuEngine } from '../../../src/train/engines/webgpu.ts';
import { seededRandom } from '../../../src/numeric/index.ts';
import { uniformArray } from '../../../src/train/uniform-array.ts';

/**
 * max |gpu − cpu| / (1 + max |cpu|). Measured on llvmpipe: ≤ 1.0e-6 (conv2d filter gradient, a
 * sum of 1,000+ products); 2e-5 leaves room for GPUs' faster transcendental functions and other
 * summation orders while still catching any wrong kernel (errors of order 1e-2 or more).
 */
const TOLERANCE = 2e-5;

/** Inputs for one check: named arrays with shapes, built once and uploaded to each backend. */
type Inputs = Record<string, { values: Float32Array; shape: number[] }>;
/** A computation over tensors made from {@link Inputs}; returns one or more results. */
type Compute = (t: Record<string, tf.Tensor>) => tf.Tensor | tf.Tensor[];

async function run(backend: string, inputs: Inputs, compute: Compute): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const tensors = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
  const out = tf.tidy(() => {
    const r = compute(tensors);
    return Array.isArray(r) ? r : [r];
  });
  const values = await Promise.all(out.map(async (t) => Float32Array.from(await t.data())));
  tf.dispose([...out, ...Object.values(tensors)]);
  return values;
}

function relDiff(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / (1 + scale);
}

let seed = 1;
function inputs(shapes: Record<string, number[]>, lo = -2, hi = 2): Inputs {
  const random = seededRandom(seed++);
  return Object.fromEntries(
    Object.entries(shapes).map(([k, shape]) => [k, { values: uniformArray(shape.reduce((a, b) => a * b, 1), random, lo, hi), shape }]),
  );
}

/** Runs `compute` on cpu and webgpu and expects every output to agree within TOLERANCE. */
async function expectSame(name: string, given: Inputs, compute: Compute): Promise<void> {
  const cpu = await run('cpu', given, compute);
  const gpu = await run('webgpu', given, compute);
  expect(gpu.length, name).toBe(cpu.length);
  cpu.forEach((c, i) => {
    expect(gpu[i]!.length, `${name} output ${i} size`).toBe(c.length);
    expect(c.every(Number.isFinite), `${name} output ${i} finite on cpu`).toBe(true);
    expect(relDiff(gpu[i]!, c), `${name} output ${i}`).toBeLessThan(TOLERANCE);
  });
}

/** Software GL compiles each shader on a shared CPU: allow a slow machine, not a hang. */
const SLOW_TEST_MS = 180_000;

const x4 = (t: Record<string, tf.Tensor>, k: string): tf.Tensor4D => t[k] as tf.Tensor4D;

beforeAll(async () => {
  await loadCpuEngine();
  const engine = await loadWebGpuEngine();
  expect(engine.name).toBe('webgpu');
  // The backend hands small inputs to its CPU kernels; force every op onto the GPU here.
  tf.env().set('WEBGPU_CPU_FORWARD', false);
});

describe('webgpu kernels vs cpu', { timeout: SLOW_TEST_MS }, () => {
  it('runs on the adapter the engine chose and reports it', async () => {
    const engine = await loadWebGpuEngine();
    expect(tf.getBackend()).toBe('webgpu');
    expect(engine.description).toMatch(/^webgpu on .+ \((Vulkan|OpenGL ES)(, software)?\)$/);
    expect(engine.hardwareGpu).toBe(!engine.description.includes('software'));
  });

  it('conv2d forward and its gradients wrt input and filter (the model’s two layers)', async () => {
    for (const [xShape, kShape] of [
      [[2, 28, 28, 1], [7, 7, 1, 8]],
      [[2, 22, 22, 8], [5, 5, 8, 8]],
    ] as const) {
      const out = [xShape[0], xShape[1] - kShape[0] + 1, xShape[2] - kShape[1] + 1, kShape[3]];
      const given = inputs({ x: [...xShape], w: [...kShape], dy: out, b: [kShape[3]] });
      await expectSame(`conv2d ${kShape.join('x')}`, given, (t) => {
        const forward = tf.conv2d(x4(t, 'x'), x4(t, 'w'), 1, 'valid');
        const [dx, dw] = tf.grads((x: tf.Tensor, w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'), t.dy!)))([
          t.x!,
          t.w!,
        ]);
        const fused = tf.fused.conv2d({ x: x4(t, 'x'), filter: x4(t, 'w'), strides: 1, pad: 'valid', bias: t.b, activation: 'relu' });
        return [forward, dx!, dw!, fused];
      });
    }
  });

  it('matMul with the transposes dense layers use, and its gradients', async () => {
    const given = inputs({ a: [16, 2592], b: [2592, 10], dy: [16, 10] }, -0.5, 0.5);
    await expectSame('matMul', given, (t) => {
      const [da, db] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D), t.dy!)))([t.a!, t.b!]);
      return [tf.matMul(t.a as tf.Tensor2D, t.b as tf.Tensor2D), da!, db!, tf.matMul(t.dy as tf.Tensor2D, t.b as tf.Tensor2D, false, true)];
    });
  });

  it('softmax, log-softmax and categorical cross-entropy with their gradients', async () => {
    const given = inputs({ z: [16, 10], y: [16, 10] }, -4, 4);
    await expectSame('softmax', given, (t) => {
      const labels = tf.oneHot(tf.argMax(t.y!, 1), 10);
      const loss = (z: tf.Tensor): tf.Scalar => tf.losses.softmaxCrossEntropy(labels, z);
      const [dz] = tf.grads(loss)([t.z!]);
      return [tf.softmax(t.z!), tf.logSoftmax(t.z!), loss(t.z!), dz!, tf.cast(tf.argMax(t.z!, 1), 'float32')];
    });
  });

  it('elementwise ops of the activations (exp, log1p, softplus, tanh, sigmoid, where, maximum, …) and their gradients', async () => {
    const given = inputs({ x: [4, 9, 9, 8], alpha: [8], dy: [4, 9, 9, 8] }, -3, 3);
    // The mask x > 0 is computed outside the differentiated function: comparisons have no gradient.
    const unary: [string, (x: tf.Tensor, positive: tf.Tensor) => tf.Tensor][] = [
      ['exp', tf.exp],
      ['log1p∘abs', (x) => tf.log1p(tf.abs(x))],
      ['log∘(1+x²)', (x) => tf.log(tf.add(1, tf.square(x)))],
      ['softplus', tf.softplus],
      ['tanh', tf.tanh],
      ['sigmoid', tf.sigmoid],
      ['relu', tf.relu],
      ['abs', tf.abs],
      ['sign', tf.sign],
      ['leaky where', (x, positive) => tf.where(positive, x, tf.mul(-0.5, x))],
      ['leaky maximum', (x) => tf.maximum(x, tf.mul(0.5, x))],
      ['swish', (x) => tf.mul(x, tf.sigmoid(x))],
      ['mish', (x) => tf.mul(x, tf.tanh(tf.softplus(x)))],
    ];
    for (const [name, f] of unary) {
      await expectSame(name, given, (t) => {
        const positive = tf.greater(t.x!, 0);
        const [dx] = tf.grads((x: tf.Tensor) => tf.sum(tf.mul(f(x, positive), t.dy!)))([t.x!]);
        return [f(t.x!, positive), dx!];
      });
    }
    await expectSame('prelu (one alpha per channel)', given, (t) => {
      const [dx, dAlpha] = tf.grads((x: tf.Tensor, a: tf.Tensor) => tf.sum(tf.mul(tf.prelu(x, a), t.dy!)))([t.x!, t.alpha!]);
      return [tf.prelu(t.x!, t.alpha!), dx!, dAlpha!];
    });
    await expectSame('reductions', given, (t) => [tf.sum(t.x!, [0, 1, 2]), tf.mean(t.x!), tf.max(t.x!, -1), tf.clipByValue(t.x!, -1, 1)]);
  });

  it('refuses synchronous reads with a message that says what to use', async () => {
    await tf.setBackend('webgpu');
    const t = tf.add(tf.ones([32, 32]), 1); // large enough not to be forwarded to the CPU
    let error: unknown;
    try {
      t.dataSync();
    } catch (caught) {
      error = caught;
    }
    t.dispose();
    expect(isGradproofError(error, 'GP_ENGINE')).toBe(true);
    expect((error as Error).message).toContain('await tensor.data()');
  });
});
