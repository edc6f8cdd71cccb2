import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCpuEngine } from '../../src/train/engines/cpu.ts';
import { parseActivationSpec } from '../../src/train/activation-spec.ts';
import { buildModel, countParams, modelSummary } from '../../src/train/model.ts';

describe('the source document CNN', () => {
  beforeAll(async () => {
    await loadCpuEngine();
  });

  it('has 27,938 parameters with a fixed activation, and the documented layer shapes', () => {
    const model = buildModel(parseActivationSpec('leaky:-0.5'));
    const counts = countParams(model);
    expect(counts.total).toBe(27_938);
    expect(counts.layers.map((l) => [l.name, l.params])).toEqual([
      ['conv1', 400], ['act1', 0], ['conv2', 1608], ['act2', 0], ['flatten', 0], ['dense', 25_930],
    ]);
    expect(counts.layers.map((l) => l.outputShape)).toEqual([
      [null, 22, 22, 8], [null, 22, 22, 8], [null, 18, 18, 8], [null, 18, 18, 8], [null, 2592], [null, 10],
    ]);
    const summary = modelSummary(model);
    expect(summary).toContain('27938');
    expect(summary).toContain('act1 (GradproofActivation)');
  });

  it('has 27,954 with PReLU (8 α per conv layer, initialised to 0) and 27,954 with Swish-β (β = 1)', () => {
    const prelu = buildModel(parseActivationSpec('prelu'));
    expect(countParams(prelu).total).toBe(27_954);
    expect(countParams(prelu).trainable).toBe(27_954);
    const alpha = prelu.getLayer('act1').getWeights()[0];
    expect(alpha.shape).toEqual([8]);
    expect(Array.from(alpha.dataSync())).toEqual(new Array(8).fill(0));
    const sb = buildModel(parseActivationSpec('swish_beta'));
    expect(Array.from(sb.getLayer('act2').getWeights()[0].dataSync())).toEqual(new Array(8).fill(1));
  });

  it('initialises deterministically from the seed', () => {
    const w = (seed: number) => buildModel(parseActivationSpec('relu'), { seed }).getLayer('conv2').getWeights()[0].dataSync();
    expect(Array.from(w(5))).toEqual(Array.from(w(5)));
    expect(Array.from(w(5))).not.toEqual(Array.from(w(6)));
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });
});

describe('GradproofConv2D', () => {
  beforeAll(async () => {
    await loadCpuEngine();
  });

  it('matches tfjs Conv2D forward and gradients; skips only the input gradient when asked', async () => {
    const { GradproofConv2D } = await import('../../src/train/layers/gradproof-conv2d.ts');
    const tfl = await import('@tensorflow/tfjs-layers');
    const x = tf.randomNormal([2, 9, 9, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    for (const inputGradient of [true, false]) {
      const ours = new GradproofConv2D({ filters: 4, kernelSize: 3, padding: 'same', inputGradient });
      const ref = tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same' });
      ours.apply(x);
      ref.apply(x);
      ref.setWeights([tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 2), tf.randomNormal([4], 0, 1, 'float32', 3)]);
      ours.setWeights(ref.getWeights());
      const loss = (layer: { apply: (t: tf.Tensor) => unknown }) => (input: tf.Tensor) => tf.sum(tf.square(layer.apply(input) as tf.Tensor));
      const { value: vo, grads: go } = tf.variableGrads(() => loss(ours)(x) as tf.Scalar, ours.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val));
      const { value: vr, grads: gr } = tf.variableGrads(() => loss(ref)(x) as tf.Scalar, ref.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val));
      expect(vo.dataSync()[0]).toBeCloseTo(vr.dataSync()[0], 2);
      const keysO = Object.keys(go);
      const keysR = Object.keys(gr);
      keysO.forEach((k, i) => {
        const a = go[k].dataSync();
        const b = gr[keysR[i]].dataSync();
        for (let j = 0; j < a.length; j++) expect(a[j]).toBeCloseTo(b[j], 2);
      });
      const dx = tf.grad(loss(ours))(x).dataSync();
      const dxRef = tf.grad(loss(ref))(x).dataSync();
      expect(Math.max(...Array.from(dx, Math.abs))).toBe(inputGradient ? Math.max(...Array.from(dxRef, Math.abs)) : 0);
      expect(ours.getConfig().inputGradient).toBe(inputGradient);
    }
  });
});
