/**
 * The one list of kernels gradproof adds to (or replaces in) the wasm backend for training, and
 * their idempotent registration.
 *
 * Why each one:
 * - `Conv2DBackpropFilter`: missing from tfjs-backend-wasm 4.22 ("Kernel 'Conv2DBackpropFilter'
 *   not registered for backend 'wasm'"), so no conv net can train.
 * - `Conv2DBackpropInput`: present but a direct loop (~0.3 GMAC/s); replaced by a formulation on
 *   the XNNPACK Conv2D, keeping the original as the fallback for strided convolutions.
 * - `BatchMatMul`: present, but slow with a transposed operand (every dense-layer gradient has
 *   one); wrapped to transpose explicitly, then run the original.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterWasmConfig } from './conv2d-backprop-filter.ts';
import { conv2dBackpropInputWasmConfig } from './conv2d-backprop-input.ts';
import { batchMatMulWasmConfig } from './batch-mat-mul.ts';
import { GradproofError } from '../../symbolic/index.ts';

/** Marks a kernel config as ours, so a second registration is recognised and skipped. */
const GRADPROOF_KERNELS = new WeakSet<tf.KernelFunc>();

/** The names of the kernels {@link registerWasmTrainingKernels} installs, in order. */
export const WASM_TRAINING_KERNELS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'BatchMatMul'] as const;

function buildConfigs(): KernelConfig[] {
  const original = (name: string) => (isOurs(name) ? undefined : tf.getKernel(name, 'wasm')?.kernelFunc);
  const configs = [conv2dBackpropFilterWasmConfig, conv2dBackpropInputWasmConfig(original('Conv2DBackpropInput'))];
  if (!isOurs('BatchMatMul')) {
    const matMul = original('BatchMatMul');
    if (matMul === undefined) throw new GradproofError('GP_ENGINE', "wasm engine: expected tfjs's BatchMatMul kernel, got none");
    configs.push(batchMatMulWasmConfig(matMul));
  }
  return configs;
}

/**
 * Registers gradproof's training kernels for the wasm backend. Safe to call any number of
 * times: a kernel already registered by gradproof is left alone; a tfjs kernel of the same name
 * is unregistered first (and kept as a fallback where the config says so).
 *
 * @returns the names of the kernels registered by this call (empty when all were in place).
 */
export function registerWasmTrainingKernels(): string[] {
  const registered: string[] = [];
  if (WASM_TRAINING_KERNELS.every((name) => isOurs(name))) return registered;
  for (const config of buildConfigs()) {
    if (isOurs(config.kernelName)) continue;
    if (tf.getKernel(config.kernelName, config.backendName) !== undefined) {
      tf.unregisterKernel(config.kernelName, config.backendName);
    }
    tf.registerKernel(config);
    GRADPROOF_KERNELS.add(config.kernelFunc);
    registered.push(config.kernelName);
  }
  return registered;
}

function isOurs(name: string): boolean {
  const kernel = tf.getKernel(name, 'wasm');
  return kernel !== undefined && GRADPROOF_KERNELS.has(kernel.kernelFunc);
}
