/**
 * An activation by catalog name as a tfjs function, for evaluating (not training) a network:
 * the catalog's forward expression compiled with `compileToTfjs`, trainable parameters held at
 * their initial value (PReLU α = 0, Swish-β β = 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import { GradproofError } from '../../symbolic/error.ts';
import { builtinCatalog } from '../../symbolic/index.ts';
import { catalogActivation } from '../activation-expressions.ts';
import { ACTIVATION_ALIASES, type ActivationSpec } from '../activation-spec.ts';
import { compileToTfjs } from '../node-to-tfjs.ts';

/** An activation ready to apply elementwise. */
export interface TensorActivation {
  /** Canonical catalog name. */
  readonly name: string;
  /** Display title from the catalog, e.g. "Mish". */
  readonly title: string;
  readonly apply: (x: tf.Tensor) => tf.Tensor;
}

/** Names of every activation in the built-in catalog. */
export function catalogActivationNames(): string[] {
  return builtinCatalog().entries.filter((e) => e.kind === 'activation').map((e) => e.name);
}

/**
 * Compiles the catalog activation `spec` (aliases such as `leaky` accepted) for evaluation.
 *
 * @throws GradproofError GP_INPUT naming the known activations when `spec.name` is not one.
 */
export function tensorActivation(spec: ActivationSpec): TensorActivation {
  const name = ACTIVATION_ALIASES[spec.name] ?? spec.name;
  const known = catalogActivationNames();
  if (!known.includes(name)) {
    throw new GradproofError('GP_INPUT', `activation: expected one of ${known.join(', ')}, got '${spec.name}'`);
  }
  const expressions = catalogActivation({ name, params: spec.params });
  const trainable = expressions.params.filter((p) => p.trainable);
  const fn = compileToTfjs(expressions.forward, ['x', ...trainable.map((p) => p.name)]);
  return {
    name,
    title: expressions.title,
    apply: (x) => {
      const env: Record<string, tf.Tensor> = { x };
      for (const p of trainable) env[p.name] = tf.scalar(p.value);
      return fn(env);
    },
  };
}

