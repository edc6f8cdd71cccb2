/**
 * The `webgpu` engine: `@tensorflow/tfjs-backend-webgpu` running in Node on Dawn's binding (the
 * `webgpu` npm package). On a machine with a GPU it computes through Vulkan; without one, through
 * Mesa's software OpenGL ES (llvmpipe), which is slow (≈ 18 img/s for the homework CNN, measured)
 * but correct, so CI can test this engine on every commit.
 *
 * How it is wired: the backend checks `globalThis.navigator.gpu` when it is imported and when its
 * backend object is built, and its own factory asks for an adapter without `featureLevel:
 * 'compatibility'` (so it would never find a GL adapter). We therefore pick the adapter ourselves
 * (see `webgpu-adapter.ts`), expose `navigator.gpu` before importing the backend, and register
 * the `webgpu` backend with a factory that builds it on our device.
 */
import * as tf from '@tensorflow/tfjs-core';

import '../register-gradients.ts';
import { GradproofError } from '../../symbolic/error.ts';
import type { Engine } from '../engine.ts';
import { quietTfjs } from '../quiet-tfjs.ts';
import {
  importDawn,
  readAdapterInfo,
  requestWebGpuAdapter,
  type AdapterRequestOptions,
  type WebGpuAdapterChoice,
} from './webgpu-adapter.ts';

/** tfjs backend name registered by this engine. */
export const WEBGPU_BACKEND = 'webgpu';

/** Registration priority; the same as tfjs-backend-webgpu's own (3), above wasm (2) and cpu (1). */
const WEBGPU_PRIORITY = 3;

/** Options for {@link loadWebGpuEngine}. */
export interface WebGpuEngineOptions extends AdapterRequestOptions {
  /** An adapter already found by {@link probeWebGpu} (avoids asking Dawn twice). */
  readonly choice?: WebGpuAdapterChoice;
}

/** The state once the backend is registered; one device per process. */
let loaded: { engine: Engine; choice: WebGpuAdapterChoice } | undefined;

/**
 * Finds the adapter the engine would use, without initialising tfjs. `select-engine.ts` uses it
 * to report a software adapter without paying for a device. Throws `GP_ENGINE` with the reason.
 */
export async function probeWebGpu(options: AdapterRequestOptions = {}): Promise<WebGpuAdapterChoice> {
  if (loaded !== undefined) return loaded.choice;
  return requestWebGpuAdapter(await importDawn(), options);
}

/**
 * Loads the webgpu engine and makes `webgpu` the current tfjs backend. Works on any adapter,
 * software ones included (check `engine.hardwareGpu`). Loading twice reuses the first device.
 * Throws `GP_ENGINE` ("webgpu: …") when Dawn, an adapter or the device is unavailable.
 *
 * @example
 * const engine = await loadWebGpuEngine();
 * console.log(engine.description); // "webgpu on llvmpipe (OpenGL ES, software)"
 */
export async function loadWebGpuEngine(options: WebGpuEngineOptions = {}): Promise<Engine> {
  quietTfjs();
  if (loaded === undefined) {
    const choice = options.choice ?? (await probeWebGpu(options));
    const device = await requestDevice(choice.adapter);
    installWebGpuGlobals(choice);
    const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
    // Importing the backend registered upstream's factory (navigator.gpu is set); replace it.
    if (tf.findBackendFactory(WEBGPU_BACKEND) !== null) tf.removeBackend(WEBGPU_BACKEND);
    const info = (choice.adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
    tf.registerBackend(WEBGPU_BACKEND, () => explainSyncReads(new WebGPUBackend(device, info)), WEBGPU_PRIORITY);
    loaded = { choice, engine: describeEngine(choice) };
  }
  if (!(await tf.setBackend(WEBGPU_BACKEND))) {
    throw new GradproofError('GP_ENGINE', 'webgpu: expected the webgpu backend to initialise, got a failure (see the warning above)');
  }
  await tf.ready();
  return loaded.engine;
}

/**
 * In Node, the backend's synchronous read (`dataSync`, `arraySync`, moving a tensor to another
 * backend) needs the browser's `OffscreenCanvas` and fails with a bare ReferenceError. Replace
 * that with an error that says what to do instead.
 */
function explainSyncReads<B extends tf.KernelBackend>(backend: B): B {
  const readSync = backend.readSync.bind(backend);
  backend.readSync = (dataId: object) => {
    try {
      return readSync(dataId);
    } catch (error) {
      if (error instanceof ReferenceError && /OffscreenCanvas/.test(error.message)) {
        throw new GradproofError(
          'GP_ENGINE',
          'webgpu: expected an asynchronous read (await tensor.data()), got a synchronous one (dataSync, arraySync or a move to another backend), which WebGPU in Node cannot do',
          { cause: error },
        );
      }
      throw error;
    }
  };
  return backend;
}

/** The engine record for an adapter, e.g. "webgpu on NVIDIA H100 (Vulkan)". */
export function describeEngine(choice: Pick<WebGpuAdapterChoice, 'api' | 'software' | 'adapterName'>): Engine {
  const api = choice.api === 'vulkan' ? 'Vulkan' : 'OpenGL ES';
  return {
    name: 'webgpu',
    backend: WEBGPU_BACKEND,
    hardwareGpu: !choice.software,
    description: `webgpu on ${choice.adapterName} (${api}${choice.software ? ', software' : ''})`,
  };
}

/** Asks for a device with the adapter's limits that tfjs's kernels rely on (as upstream does). */
async function requestDevice(adapter: GPUAdapter): Promise<GPUDevice> {
  const limits = adapter.limits;
  try {
    return await adapter.requestDevice({
      requiredLimits: {
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
        maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
      },
    });
  } catch (error) {
    const adapterText = JSON.stringify(readAdapterInfo(adapter));
    throw new GradproofError('GP_ENGINE', `webgpu: expected a device from adapter ${adapterText}, got an error: ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Makes `globalThis.navigator.gpu` the chosen GPU (Node 20 has no `navigator`; Node 21+ has one
 * without `gpu`) and defines WebGPU's global constants (`GPUBufferUsage`, …) that are missing.
 */
function installWebGpuGlobals(choice: Pick<WebGpuAdapterChoice, 'gpu' | 'globals'>): void {
  for (const [name, value] of Object.entries(choice.globals)) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  const global = globalThis as { navigator?: { gpu?: GPU } };
  if (global.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: choice.gpu }, configurable: true, writable: true });
  } else if (global.navigator.gpu !== choice.gpu) {
    Object.defineProperty(global.navigator, 'gpu', { value: choice.gpu, configurable: true, writable: true });
  }
}
