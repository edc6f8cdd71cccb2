/**
 * The default pre-flight check of an activation before training: its compiled custom gradient
 * (the catalog's derivative) against tfjs's own automatic differentiation of the same compiled
 * forward, in float32 on the current backend, at points away from kinks.
 *
 * The full check goes through `src/gradcheck` (numerical oracles); the trainer accepts it as
 * `preflight` (see `train.ts`). This one needs nothing beyond tfjs and guards against a wrong
 * compilation or a mis-joined piecewise derivative.
 */
import * as tf from '@tensorflow/tfjs-core';
import { GradproofError } from '../symbolic/index.ts';
import { ACTIVATION_VARIABLE, type ActivationExpressions } from './activation-expressions.ts';
import { compileActivation } from './layers/catalog-activation.ts';
import { compileToTfjs } from './node-to-tfjs.ts';

/** Sample points: a grid over [−6, 6] avoiding 0 (where piecewise derivatives are a convention). */
const SAMPLES = Array.from({ length: 49 }, (_, i) => -6 + i * 0.25 + 0.0625);
/** Relative float32 agreement required between the two gradients (float32 ε ≈ 1.2e-7, with margin for a few ops). */
export const SELFCHECK_TOLERANCE = 1e-4;

/**
 * Throws GP_GRAD_MISMATCH when the custom gradient of `expr` disagrees with autodiff.
 */
export async function selfCheckActivation(expr: ActivationExpressions): Promise<void> {
  const trainable = expr.params.filter((p) => p.trainable);
  const symbols = [ACTIVATION_VARIABLE, ...trainable.map((p) => p.name)];
  const forward = compileToTfjs(expr.forward, symbols);
  const custom = compileActivation(expr);
  const [ours, auto] = tf.tidy(() => {
    const x = tf.tensor2d(SAMPLES, [SAMPLES.length, 1]);
    const params = trainable.map((p) => tf.tensor1d([p.value === 0 ? 0.25 : p.value]));
    const loss = (f: (...t: tf.Tensor[]) => tf.Tensor) => (...t: tf.Tensor[]) => tf.sum(f(...t));
    return [
      tf.grads(loss(custom))([x, ...params]),
      tf.grads(loss((...t) => forward(Object.fromEntries(symbols.map((s, i) => [s, t[i]])))))([x, ...params]),
    ];
  });
  try {
    // Asynchronous reads: WebGPU in Node cannot read synchronously.
    for (let k = 0; k < ours.length; k++) {
      const [a, b] = await Promise.all([ours[k]!.data(), auto[k]!.data()]);
      for (let i = 0; i < a.length; i++) {
        const err = Math.abs(a[i]! - b[i]!) / (1 + Math.abs(b[i]!));
        if (!(err <= SELFCHECK_TOLERANCE)) {
          const at = k === 0 ? `x = ${SAMPLES[i]}` : `${symbols[k]} (summed over x)`;
          throw new GradproofError('GP_GRAD_MISMATCH', `activation ${expr.spec.name}: expected ∂f/∂${symbols[k]} = ${b[i]} (autodiff), got ${a[i]} from the catalog derivative at ${at}`);
        }
      }
    }
  } finally {
    tf.dispose([...ours, ...auto]);
  }
}
