/**
 * `BatchMatMul` for the wasm backend with transposed operands made explicit: tfjs-backend-wasm
 * 4.22 multiplies a transposed operand in place, which measured several times slower than
 * transposing it first (dense layer backward pass of the CNN, [128, 10] · [2592, 10]ᵀ: 10.9 ms vs
 * 1.2 ms; [128, 2592]ᵀ · [128, 10]: 7.7 ms vs 3.0 ms, loaded machine). The backward pass of a
 * dense layer always multiplies by a transpose. Without transposes the original kernel runs
 * unchanged.
 */
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { callKernel, disposeInfos } from './call-kernel.ts';

const BACKEND = 'wasm';

/** Swaps the last two axes. */
function transposeLastTwo(backend: KernelBackend, x: TensorInfo): TensorInfo {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return callKernel('Transpose', BACKEND, backend, { x }, { perm });
}

/** Builds the kernel around `original`, tfjs's own BatchMatMul. */
export function makeBatchMatMulWasm(original: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean } | undefined;
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    if (attrs?.transposeA !== true && attrs?.transposeB !== true) return original(args);
    const backend = args.backend as KernelBackend;
    const at = attrs.transposeA === true ? transposeLastTwo(backend, a) : a;
    const bt = attrs.transposeB === true ? transposeLastTwo(backend, b) : b;
    const out = original({ ...args, inputs: { a: at, b: bt }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    if (at !== a) disposeInfos(backend, at);
    if (bt !== b) disposeInfos(backend, bt);
    return out;
  };
}

/** Registration entry; `original` is the kernel it wraps. */
export function batchMatMulWasmConfig(original: KernelFunc): KernelConfig {
  return { kernelName: 'BatchMatMul', backendName: BACKEND, kernelFunc: makeBatchMatMulWasm(original) };
}
