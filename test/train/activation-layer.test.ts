import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogActivation, ACTIVATION_VARIABLE } from '../../src/train/activation-expressions.ts';
import { parseActivationSpec } from '../../src/train/activation-spec.ts';
import { loadCpuEngine } from '../../src/train/engines/cpu.ts';
import { GradproofActivation, compileActivation } from '../../src/train/layers/catalog-activation.ts';
import { buildModel } from '../../src/train/model.ts';
import { compileToTfjs } from '../../src/train/node-to-tfjs.ts';
import { seededRandom } from '../../src/numeric/index.ts';
import { uniformArray } from '../../src/train/uniform-array.ts';

/** Independent float64 references, written from the textbook definitions. */
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const REFERENCE: Record<string, (v: number, p: Record<string, number>) => number> = {
  relu: (v) => Math.max(v, 0),
  leaky_relu: (v, p) => (v > 0 ? v : p.alpha * v),
  prelu: (v, p) => (v > 0 ? v : p.alpha * v),
  abs: (v) => Math.abs(v),
  identity: (v) => v,
  swish: (v) => v * sigmoid(v),
  swish_beta: (v, p) => v * sigmoid(p.beta * v),
  mish: (v) => v * Math.tanh(Math.log1p(Math.exp(v))),
};

const SPECS = ['relu', 'leaky:-1', 'leaky:-0.5', 'leaky:0.5', 'leaky:1.5', 'prelu', 'abs', 'identity', 'swish', 'swish_beta', 'mish'];
/** float32 forward values and gradients of these O(1) functions agree with float64 to ~1e-6. */
const TOLERANCE = 2e-5;
const SHAPE = [3, 4, 4, 5];

/** Inputs in [−4, 4] kept away from the kink at 0 (where one-sided derivatives differ by convention). */
function inputs(seed: number): Float32Array {
  return uniformArray(SHAPE.reduce((a, b) => a * b), seededRandom(seed), -4, 4).map((v) => (Math.abs(v) < 1e-3 ? 0.5 : v));
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('catalog activation layers', () => {
  beforeAll(async () => {
    await loadCpuEngine();
  });

  it.each(SPECS)('%s: forward matches the definition; custom gradient matches autodiff', (text) => {
    const spec = parseActivationSpec(text);
    const expr = catalogActivation(spec);
    const trainable = expr.params.filter((p) => p.trainable);
    // Trainable parameters get distinct per-channel values so broadcasting and reduction are tested.
    const paramValues = trainable.map((_, k) => Float32Array.from({ length: SHAPE[3] }, (_, c) => 0.3 * (c - 2) + 0.7 * k + (spec.name === 'swish_beta' ? 1 : 0)));
    const x = tf.tensor(inputs(7), SHAPE);
    const params = paramValues.map((v) => tf.tensor1d(v));
    const dy = tf.tensor(uniformArray(x.size, seededRandom(8)), SHAPE);
    const fn = compileActivation(expr);
    const y = fn(x, ...params).dataSync();
    const xs = x.dataSync();
    const expected = Array.from(xs, (v, i) => {
      const p: Record<string, number> = { ...Object.fromEntries(expr.params.map((q) => [q.name, q.value])) };
      trainable.forEach((q, k) => { p[q.name] = paramValues[k][i % SHAPE[3]]; });
      return REFERENCE[spec.name](v, p);
    });
    expect(maxDiff(y, expected)).toBeLessThan(TOLERANCE * 10);
    // Gradient check: the proved derivative (customGrad) against tfjs autodiff of the same forward.
    const symbols = [ACTIVATION_VARIABLE, ...trainable.map((p) => p.name)];
    const forward = compileToTfjs(expr.forward, symbols);
    const loss = (f: (...t: tf.Tensor[]) => tf.Tensor) => (...t: tf.Tensor[]) => tf.sum(tf.mul(f(...t), dy));
    const ours = tf.grads(loss(fn))([x, ...params]);
    const auto = tf.grads(loss((...t) => forward(Object.fromEntries(symbols.map((s, i) => [s, t[i]])))))([x, ...params]);
    expect(ours.length).toBe(1 + trainable.length);
    for (let i = 0; i < ours.length; i++) {
      expect(ours[i].shape).toEqual(auto[i].shape);
      const scale = 1 + Math.max(...Array.from(auto[i].dataSync(), Math.abs));
      expect(maxDiff(ours[i].dataSync(), auto[i].dataSync()) / scale).toBeLessThan(TOLERANCE);
    }
  });

  it('leaky with alpha = 0 equals relu, and the derivative expressions are the catalog branches', () => {
    const expr = catalogActivation(parseActivationSpec('leaky:0'));
    expect(expr.dx.toString()).toContain('heaviside');
    expect(expr.forward.toString()).not.toContain('alpha');
    const x = tf.tensor1d([-2, -0.5, 0.5, 2]);
    expect(Array.from(compileActivation(expr)(x).dataSync())).toEqual([0, 0, 0.5, 2]);
  });

  it.each(['prelu', 'swish_beta', 'leaky:-0.5'])('%s survives a save / reload of the whole model, keeping learned parameters', async (text) => {
    const model = buildModel(parseActivationSpec(text), { seed: 3 });
    const act = model.getLayer('act1') as GradproofActivation;
    const trainable = act.getWeights().length > 0;
    if (trainable) act.setWeights([tf.tensor1d([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4])]);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    expect(JSON.stringify(artifacts?.modelTopology)).toContain('"class_name":"GradproofActivation"');
    const reloaded = await tfl.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
    const layer = reloaded.getLayer('act1') as GradproofActivation;
    expect(layer).toBeInstanceOf(GradproofActivation);
    expect(layer.getConfig()).toEqual(act.getConfig());
    expect(layer.spec).toEqual(act.spec);
    const learned = Object.values((await layer.learnedParams()));
    expect(learned.length).toBe(trainable ? 1 : 0);
    if (trainable) expect(learned[0].map((v) => Math.round(v * 10) / 10)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4]);
    const input = tf.tensor(uniformArray(2 * 784, seededRandom(1), 0, 1), [2, 28, 28, 1]);
    const a = (model.predict(input) as tf.Tensor).dataSync();
    const b = (reloaded.predict(input) as tf.Tensor).dataSync();
    expect(maxDiff(a, b)).toBeLessThan(1e-6);
  });

  it('refuses unknown parameters and out-of-domain names', () => {
    expect(() => catalogActivation({ name: 'swish', params: { alpha: 1 } })).toThrow(/expected no parameters, got 'alpha'/);
    expect(() => new GradproofActivation({ activation: 'nope' })).toThrow(/unknown function 'nope'/);
  });
});
