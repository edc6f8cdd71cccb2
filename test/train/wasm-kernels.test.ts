import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCpuEngine } from '../../src/train/engines/cpu.ts';
import { loadWasmEngine } from '../../src/train/engines/wasm.ts';
import { WASM_TRAINING_KERNELS, registerWasmTrainingKernels } from '../../src/train/wasm-kernels/register.ts';
import { seededRandom } from '../../src/numeric/index.ts';
import { uniformArray } from '../../src/train/uniform-array.ts';

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];

interface Case { name: string; x: Shape4; k: Shape4; strides: number; pad: Pad }

const CASES: Case[] = [
  { name: 'model conv1 (valid 7x7, 1->8)', x: [4, 28, 28, 1], k: [7, 7, 1, 8], strides: 1, pad: 'valid' },
  { name: 'model conv2 (valid 5x5, 8->8)', x: [3, 22, 22, 8], k: [5, 5, 8, 8], strides: 1, pad: 'valid' },
  { name: 'same 3x3', x: [2, 9, 7, 3], k: [3, 3, 3, 4], strides: 1, pad: 'same' },
  { name: 'same 4x4 (asymmetric pad)', x: [2, 8, 8, 2], k: [4, 4, 2, 3], strides: 1, pad: 'same' },
  { name: 'explicit pad', x: [2, 6, 6, 2], k: [3, 3, 2, 2], strides: 1, pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
  { name: 'stride 2 valid (fallback)', x: [2, 9, 9, 2], k: [3, 3, 2, 3], strides: 2, pad: 'valid' },
  { name: 'stride 2 same (fallback)', x: [2, 8, 8, 2], k: [3, 3, 2, 2], strides: 2, pad: 'same' },
];

/** Max |a − b| / (1 + max |b|): float32 sums of a few hundred terms agree to ~1e-6 relative. */
const TOLERANCE = 1e-4;

interface Arrays { x: Float32Array; w: Float32Array; dy: Float32Array; outShape: number[] }

function arraysFor(c: Case, seed: number): Arrays {
  const random = seededRandom(seed);
  const outShape = tf.tidy(() => tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(c.k) as tf.Tensor4D, c.strides, c.pad).shape);
  return {
    x: uniformArray(c.x.reduce((a, b) => a * b), random),
    w: uniformArray(c.k.reduce((a, b) => a * b), random),
    dy: uniformArray(outShape.reduce((a, b) => a * b), random),
    outShape,
  };
}

/** Runs both gradient kernels directly, plus the gradients of the plain and fused conv ops. */
async function gradients(backend: string, c: Case, a: Arrays): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(a.x, c.x);
    const w = tf.tensor4d(a.w, c.k);
    const dy = tf.tensor(a.dy, a.outShape);
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
    const dwKernel = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: c.k } as unknown as tf.NamedAttrMap) as tf.Tensor;
    const dxKernel = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: c.x } as unknown as tf.NamedAttrMap) as tf.Tensor;
    const plain = tf.grads((xs: tf.Tensor, ws: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, c.strides, c.pad), dy)));
    const fused = tf.grads((xs: tf.Tensor, ws: tf.Tensor) =>
      tf.sum(tf.mul(tf.fused.conv2d({ x: xs as tf.Tensor4D, filter: ws as tf.Tensor4D, strides: c.strides, pad: c.pad, bias: tf.ones([c.k[3]]) }), dy)));
    return [dwKernel, dxKernel, ...plain([x, w]), ...fused([x, w])].map((t) => t.dataSync() as Float32Array);
  });
}

function relDiff(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / (1 + scale);
}

describe('wasm training kernels vs the cpu backend', () => {
  beforeAll(async () => {
    await loadCpuEngine();
    await loadWasmEngine();
  });

  it.each(CASES)('$name', async (c) => {
    const a = arraysFor(c, 17);
    const wasm = await gradients('wasm', c, a);
    const cpu = await gradients('cpu', c, a);
    expect(wasm.length).toBe(6);
    for (let i = 0; i < cpu.length; i++) {
      expect(wasm[i].length).toBe(cpu[i].length);
      expect(relDiff(wasm[i], cpu[i])).toBeLessThan(TOLERANCE);
    }
  });

  it.each([
    { a: [6, 5], b: [5, 4], ta: false, tb: false },
    { a: [5, 6], b: [5, 4], ta: true, tb: false },
    { a: [6, 5], b: [4, 5], ta: false, tb: true },
    { a: [3, 5, 6], b: [3, 4, 5], ta: true, tb: true },
    { a: [2, 7, 3], b: [2, 7, 4], ta: true, tb: false },
  ])('BatchMatMul $a x $b (transposeA $ta, transposeB $tb)', async ({ a, b, ta, tb }) => {
    const random = seededRandom(5);
    const av = uniformArray(a.reduce((p, q) => p * q), random);
    const bv = uniformArray(b.reduce((p, q) => p * q), random);
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => (tf.engine().runKernel('BatchMatMul', { a: tf.tensor(av, a), b: tf.tensor(bv, b) }, { transposeA: ta, transposeB: tb }) as tf.Tensor).dataSync() as Float32Array);
    };
    const wasm = await run('wasm');
    const cpu = await run('cpu');
    expect(wasm.length).toBe(cpu.length);
    expect(relDiff(wasm, cpu)).toBeLessThan(TOLERANCE);
  });

  it('registers each kernel once, and re-registering is a no-op', async () => {
    await loadWasmEngine();
    expect(registerWasmTrainingKernels()).toEqual([]);
    for (const name of WASM_TRAINING_KERNELS) expect(tf.getKernel(name, 'wasm')).toBeDefined();
  });
});
