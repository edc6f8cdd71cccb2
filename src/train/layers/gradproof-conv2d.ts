/**
 * `GradproofConv2D`: tfjs-layers' Conv2D (same arguments, weights and config) that can skip its
 * input gradient when it is the first layer.
 *
 * Why: tfjs-layers runs Conv2D as the fused conv+bias op, whose gradient (a `customGrad` in
 * tfjs-core) computes the input gradient eagerly, even for the first layer, whose input is the
 * data. For the source document's CNN that wasted Conv2DBackpropInput (batch × 28 × 28 × 1
 * outputs, a 7×7×8 → 1 convolution, which XNNPACK runs poorly with one output channel) was the
 * largest single kernel of a training step on wasm. The plain `conv2d` op has lazy gradients,
 * but then the bias needs a broadcast Add, slow on wasm; so this layer keeps the fused forward
 * and supplies its own gradient: ∂x (unless `inputGradient` is false: zeros), ∂W and ∂b = Σ dy.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { GradproofError } from '../../symbolic/index.ts';

/** tfjs-layers' Conv2D arguments. */
type ConvArgs = Parameters<typeof tfl.layers.conv2d>[0];

/** Arguments of {@link GradproofConv2D}: Conv2D's, plus `inputGradient`. */
export type GradproofConv2DArgs = ConvArgs & {
  /** Compute the gradient with respect to the input (default true; false for a first layer fed with data). */
  inputGradient?: boolean;
};

/** tfjs-layers' Conv2D class (not exported by name; taken from an instance). */
const Conv2DBase = tfl.layers.conv2d({ filters: 1, kernelSize: 1 }).constructor as new (args: ConvArgs) => tfl.layers.Layer;

/** A Conv2D layer (NHWC, linear activation, no dilation) with an optional input gradient. */
export class GradproofConv2D extends Conv2DBase {
  /** Serialisation name (stable: saved models refer to it). */
  static readonly className = 'GradproofConv2D';
  // Names distinct from the base class's own `strides`/`padding` fields, which getConfig reads.
  private readonly convStrides: [number, number];
  private readonly convPad: 'valid' | 'same';
  private readonly convDilations: [number, number];
  private readonly inputGradient: boolean;
  private readonly fn: (x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D) => tf.Tensor4D;

  constructor(args: GradproofConv2DArgs) {
    const { inputGradient, ...convArgs } = args;
    super(convArgs);
    this.inputGradient = inputGradient ?? true;
    const config = this.getConfig() as { strides: number[]; padding: string; dilation_rate?: number[]; dilationRate?: number[]; activation: string; dataFormat: string };
    if (config.activation !== 'linear') {
      throw new GradproofError('GP_INPUT', `GradproofConv2D: expected a linear activation (add an activation layer after it), got ${config.activation}`);
    }
    if (config.dataFormat !== 'channelsLast' || (config.padding !== 'valid' && config.padding !== 'same')) {
      throw new GradproofError('GP_INPUT', `GradproofConv2D: expected channelsLast and valid/same padding, got ${config.dataFormat}, ${config.padding}`);
    }
    const dil = config.dilationRate ?? config.dilation_rate ?? [1, 1];
    this.convStrides = [config.strides[0], config.strides[1]];
    this.convPad = config.padding;
    this.convDilations = [dil[0], dil[1] ?? dil[0]];
    if (this.convDilations[0] !== 1 || this.convDilations[1] !== 1) {
      throw new GradproofError('GP_INPUT', `GradproofConv2D: expected dilation rate 1 (tfjs has no dilated conv gradient), got ${this.convDilations.join('×')}`);
    }
    this.fn = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [x, kernel, bias] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D];
      (args[3] as tf.GradSaveFunc)([x, kernel]);
      const value = tf.fused.conv2d({ x, filter: kernel, bias, strides: this.convStrides, pad: this.convPad, dataFormat: 'NHWC' });
      return {
        value,
        gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
          const g = (Array.isArray(dy) ? dy[0] : dy) as tf.Tensor4D;
          const [sx, sk] = saved as [tf.Tensor4D, tf.Tensor4D];
          const attrs = { strides: this.convStrides, pad: this.convPad, dataFormat: 'NHWC', dimRoundingMode: undefined };
          const dx = this.inputGradient
            ? (tf.engine().runKernel('Conv2DBackpropInput', { dy: g, filter: sk }, { ...attrs, inputShape: sx.shape } as unknown as tf.NamedAttrMap) as tf.Tensor)
            : tf.zerosLike(sx);
          const dw = tf.engine().runKernel('Conv2DBackpropFilter', { x: sx, dy: g }, { ...attrs, filterShape: sk.shape } as unknown as tf.NamedAttrMap) as tf.Tensor;
          return [dx, dw, tf.sum(g, [0, 1, 2])];
        },
      };
    }) as unknown as (x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D) => tf.Tensor4D;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), inputGradient: this.inputGradient };
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const [kernel, bias] = this.trainableWeights.map((w) => w.read());
      if (bias === undefined) return tf.conv2d(x, kernel as tf.Tensor4D, this.convStrides, this.convPad);
      return this.fn(x, kernel as tf.Tensor4D, bias as tf.Tensor1D);
    });
  }
}
// The base class is typed as tfjs-layers' `Layer` (its Conv2D class is not exported), which
// hides the inherited static `fromConfig` from the type checker.
tf.serialization.registerClass(GradproofConv2D as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);
