/**
 * `GradproofActivation`: a tfjs-layers layer whose forward pass and gradient are compiled from
 * the catalog's expressions (see `../activation-expressions.ts`) and joined with `tf.customGrad`,
 * so training uses exactly the derivative that was proved and gradient-checked.
 *
 * Trainable parameters (PReLU α, Swish-β β) are one weight per channel (the last axis), shared
 * over every other axis (batch, height, width), as Keras's `PReLU(shared_axes=[1, 2])`.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { GradproofError } from '../../symbolic/index.ts';
import { ACTIVATION_VARIABLE, type ActivationExpressions, type ActivationSource, catalogActivation } from '../activation-expressions.ts';
import type { ActivationSpec } from '../activation-spec.ts';
import { compileToTfjs } from '../node-to-tfjs.ts';

/** tfjs-layers' base layer arguments (name, trainable, inputShape, …). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tfl.layers.Layer>[0]>;

/** Arguments of {@link GradproofActivation}. */
export interface GradproofActivationArgs extends LayerArgs {
  /** Catalog name, e.g. `leaky_relu`, `prelu`, `swish_beta`. */
  activation: string;
  /** Parameter values: fixed ones, or the initial value of trainable ones (default: the catalog's default, e.g. PReLU α = 0 as Keras). */
  params?: Record<string, number>;
}

let activationSource: ActivationSource = (spec) => catalogActivation(spec);

/**
 * Replaces where layers get their expressions (default: the built-in catalog). Returns the
 * previous source so a caller can restore it.
 */
export function setActivationSource(source: ActivationSource): ActivationSource {
  const previous = activationSource;
  activationSource = source;
  return previous;
}

/** The forward function with its custom gradient, for inputs `x` and one tensor per trainable parameter. */
export type ActivationFn = (x: tf.Tensor, ...params: tf.Tensor[]) => tf.Tensor;

/**
 * Compiles `expr` into a function whose gradient is the compiled derivative expressions
 * (∂f/∂x and ∂f/∂θ summed over every axis but the last).
 */
export function compileActivation(expr: ActivationExpressions): ActivationFn {
  const trainable = expr.params.filter((p) => p.trainable).map((p) => p.name);
  const symbols = [ACTIVATION_VARIABLE, ...trainable];
  const forward = compileToTfjs(expr.forward, symbols);
  const dx = compileToTfjs(expr.dx, symbols);
  const dparams = trainable.map((name) => compileToTfjs(expr.dparams[name], symbols));
  const env = (tensors: tf.Tensor[]) => Object.fromEntries(symbols.map((s, i) => [s, tensors[i]]));
  const fn = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const inputs = args.slice(0, -1) as tf.Tensor[];
    save(inputs);
    const value = forward(env(inputs));
    return {
      // customGrad needs a new tensor: the identity's forward would hand back its own input.
      value: inputs.includes(value) ? tf.clone(value) : value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const g = Array.isArray(dy) ? dy[0] : dy;
        const e = env(saved);
        const x = saved[0];
        const axes = x.shape.map((_, i) => i).slice(0, -1);
        return [
          tf.mul(g, dx(e)),
          ...dparams.map((d, i) => tf.reshape(tf.sum(tf.mul(g, d(e)), axes), saved[i + 1].shape)),
        ];
      },
    };
  });
  return (x, ...params) => fn(x, ...params);
}

/** A catalog activation as a tfjs layer. */
export class GradproofActivation extends tfl.layers.Layer {
  /** Serialisation name (must stay stable: saved models refer to it). */
  static readonly className = 'GradproofActivation';
  readonly spec: ActivationSpec;
  readonly expressions: ActivationExpressions;
  private readonly fn: ActivationFn;
  private paramWeights: tfl.LayerVariable[] = [];

  constructor(args: GradproofActivationArgs) {
    super(args);
    if (typeof args.activation !== 'string') {
      throw new GradproofError('GP_INPUT', `GradproofActivation: expected an activation name, got ${typeof args.activation}`);
    }
    // tfjs-layers camel-cases string values when it reads a saved config (leaky_relu → leakyRelu);
    // catalog names are lower snake case, so the inverse mapping is exact.
    const name = args.activation.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    this.spec = { name, params: { ...(args.params ?? {}) } };
    this.expressions = activationSource(this.spec);
    this.fn = compileActivation(this.expressions);
    this.supportsMasking = true;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const channels = shape[shape.length - 1];
    const trainable = this.expressions.params.filter((p) => p.trainable);
    if (trainable.length > 0 && (channels === null || channels === undefined)) {
      throw new GradproofError('GP_INPUT', `${this.name}: expected a known channel count (last axis) for ${trainable.map((p) => p.name).join(', ')}, got ${JSON.stringify(shape)}`);
    }
    this.paramWeights = trainable.map((p) =>
      this.addWeight(p.name, [channels as number], 'float32', tfl.initializers.constant({ value: p.value })));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return this.fn(x, ...this.paramWeights.map((w) => w.read()));
    });
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), activation: this.spec.name, params: { ...this.spec.params } };
  }

  /** Current values of each trainable parameter, one per channel (e.g. `{ alpha: [...] }`). */
  async learnedParams(): Promise<Record<string, number[]>> {
    const names = this.expressions.params.filter((p) => p.trainable).map((p) => p.name);
    const values = await Promise.all(this.paramWeights.map((w) => w.read().data()));
    return Object.fromEntries(values.map((v, i) => [names[i], Array.from(v)]));
  }
}
tf.serialization.registerClass(GradproofActivation);

/** Builds a {@link GradproofActivation} layer. */
export function gradproofActivation(args: GradproofActivationArgs): GradproofActivation {
  return new GradproofActivation(args);
}
