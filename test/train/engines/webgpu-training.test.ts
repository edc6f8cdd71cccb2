/**
 * A short real training run of the homework CNN on the webgpu engine (Mesa's software GL in CI):
 * Conv2D 8@7×7 → act → Conv2D 8@5×5 → act → Flatten → Dense 10 softmax, built by the trainer's
 * `buildModel` with the catalog's activation layers, on real MNIST digits (the `mnist` package's
 * embedded set). The loss on the training images must fall. Software GL trains at tens of
 * images per second, so the run is a few batches.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';

import { loadEmbeddedMnist } from '../../../src/train/embedded-mnist.ts';
import { buildModel } from '../../../src/train/model.ts';
import { loadEngine } from '../../../src/train/select-engine.ts';

/** Images used: the first 8 of each digit class (deterministic). */
const PER_DIGIT = 8;
const BATCH = 16;
/** Passes over the 80 images (5 batches each): enough for Adam to cut the loss clearly. */
const EPOCHS = 3;
/** Software GL shares the CPU with the rest of the suite: allow a slow machine, not a hang. */
const TEST_TIMEOUT_MS = 300_000;
/** The source document's parameter counts: 27,938 with a parameter-free activation, 27,954 with PReLU. */
const EXPECTED_PARAMS = { relu: 27_938, prelu: 27_954 } as const;

function digits(): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const all = loadEmbeddedMnist();
  const pixels = all.rows * all.cols;
  const count = PER_DIGIT * 10;
  const xs = new Float32Array(count * pixels);
  const ys = new Float32Array(count * 10);
  const firstOf = Array.from({ length: 10 }, (_, d) => all.labels.indexOf(d));
  for (let i = 0; i < count; i++) {
    const digit = i % 10;
    const source = firstOf[digit]! + Math.floor(i / 10);
    expect(all.labels[source]).toBe(digit);
    xs.set(all.images.subarray(source * pixels, (source + 1) * pixels), i * pixels);
    ys[i * 10 + digit] = 1;
  }
  return { x: tf.tensor4d(xs, [count, all.rows, all.cols, 1]), y: tf.tensor2d(ys, [count, 10]) };
}

async function meanLoss(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const loss = tf.tidy(() => tf.mean(tf.losses.softmaxCrossEntropy(y, tf.log(model.predict(x) as tf.Tensor))));
  const value = (await loss.data())[0]!;
  loss.dispose();
  return value;
}

describe('training on the webgpu engine', () => {
  it.each(['relu', 'prelu'] as const)('trains the homework CNN (%s) on real MNIST digits: the loss falls', async (activation) => {
    const { engine } = await loadEngine('webgpu');
    expect(engine.name).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    const model = buildModel({ name: activation, params: {} }, { seed: 1 });
    expect(model.countParams()).toBe(EXPECTED_PARAMS[activation]);
    model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const { x, y } = digits();
    const before = await meanLoss(model, x, y);
    const history = await model.fit(x, y, { epochs: EPOCHS, batchSize: BATCH, shuffle: false, verbose: 0 });
    const after = await meanLoss(model, x, y);
    const losses = history.history.loss as number[];
    expect(losses).toHaveLength(EPOCHS);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(before).toBeGreaterThan(1.5); // about ln 10 ≈ 2.3 at initialisation
    expect(after).toBeLessThan(0.6 * before);
    expect(losses[EPOCHS - 1]!).toBeLessThan(losses[0]!);
    tf.dispose([x, y]);
    model.dispose();
  }, TEST_TIMEOUT_MS);
});
