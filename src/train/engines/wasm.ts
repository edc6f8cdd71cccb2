/**
 * The embedded default engine: `@tensorflow/tfjs-backend-wasm` (XNNPACK, SIMD, one thread in
 * Node), plus the kernels it lacks for training (see `../wasm-kernels/register.ts`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '../register-gradients.ts';
import { GradproofError } from '../../symbolic/index.ts';
import type { Engine } from '../engine.ts';
import { quietTfjs } from '../quiet-tfjs.ts';
import { registerWasmTrainingKernels } from '../wasm-kernels/register.ts';

let wasmPathsSet = false;

/** The folder holding `tfjs-backend-wasm*.wasm`, as a file path ending in a separator. */
export function wasmBinaryFolder(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@tensorflow/tfjs-backend-wasm');
  return path.dirname(main) + path.sep;
}

/**
 * Initialises and makes current the `wasm` backend, then registers the training kernels it lacks
 * (idempotent: loading twice is fine).
 *
 * @throws GradproofError GP_ENGINE when the WebAssembly module cannot be loaded.
 */
export async function loadWasmEngine(): Promise<Engine> {
  quietTfjs();
  if (!wasmPathsSet && tf.findBackend('wasm') === null) {
    setWasmPaths(wasmBinaryFolder());
    wasmPathsSet = true;
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend('wasm');
  } catch (cause) {
    throw new GradproofError('GP_ENGINE', `wasm engine: expected the WebAssembly backend to load, got ${String(cause)}`, { cause });
  }
  if (!ok) throw new GradproofError('GP_ENGINE', "wasm engine: expected tf.setBackend('wasm') to succeed, got false");
  await tf.ready();
  registerWasmTrainingKernels();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return {
    name: 'wasm',
    backend: 'wasm',
    hardwareGpu: false,
    description: `wasm (XNNPACK, 1 thread${simd === true ? ', SIMD' : ''}) with gradproof training kernels`,
  };
}
