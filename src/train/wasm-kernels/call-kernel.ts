/**
 * Calling one backend kernel from inside another (internal to the wasm training kernels).
 *
 * Kernels registered with `tf.registerKernel` receive the backend and raw `TensorInfo`s, not
 * tensors; composing them means calling other kernels' `kernelFunc` directly and freeing each
 * intermediate result with `backend.disposeData`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { GradproofError } from '../../symbolic/index.ts';

/**
 * Runs the kernel `name` registered for `backendName` on raw inputs.
 *
 * @throws GradproofError GP_ENGINE when no such kernel is registered.
 */
export function callKernel(
  name: string,
  backendName: string,
  backend: KernelBackend,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = tf.getKernel(name, backendName);
  if (kernel === undefined) {
    throw new GradproofError('GP_ENGINE', `kernel ${name}: expected it registered for backend '${backendName}', got none`);
  }
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) {
    throw new GradproofError('GP_INTERNAL', `kernel ${name}: expected one output, got ${out.length}`);
  }
  return out;
}

/** Frees intermediate results produced by {@link callKernel}. */
export function disposeInfos(backend: KernelBackend, ...infos: TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** Raw float32 values of a tensor held by `backend`. */
export function readFloat32(backend: KernelBackend, info: TensorInfo): Float32Array {
  const values = backend.readSync(info.dataId);
  if (!(values instanceof Float32Array)) {
    throw new GradproofError('GP_INPUT', `tensor: expected float32 values, got ${info.dtype}`);
  }
  return values;
}

/** Stores `values` as a new float32 tensor on `backend`. */
export function writeFloat32(backend: KernelBackend, values: Float32Array, shape: number[]): TensorInfo {
  return { dataId: backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
}

