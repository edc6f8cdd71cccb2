/**
 * Loading tfjs-node / tfjs-node-gpu. The "not installed" path is the real one (neither package
 * can be installed on a machine without network). The other paths inject the importer (the
 * package itself cannot be present here) and use the real dynamic linker for CUDA libraries.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

import { isGradproofError } from '../../../src/symbolic/error.ts';
import { CUDA_LIBRARIES } from '../../../src/train/engines/tfjs-node-failure.ts';
import { canOpenSharedLibrary } from '../../../src/train/engines/tfjs-node-shared-library.ts';
import {
  TENSORFLOW_BACKEND,
  findMissingCudaLibraries,
  installedVersion,
  loadTfjsNodeEngine,
  loadTfjsNodeGpuEngine,
} from '../../../src/train/engines/tfjs-node.ts';

async function failureOf(load: () => Promise<unknown>): Promise<Error> {
  try {
    await load();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the load to fail');
}

const presentEverywhere = (): void => {
  throw new Error('Module did not self-register');
};

describe('tfjs-node engines', () => {
  it('say "not installed", with GP_ENGINE, when the packages are absent (real import)', async () => {
    expect(installedVersion('@tensorflow/tfjs-node-gpu')).toBeUndefined();
    expect(installedVersion('@tensorflow/tfjs-node')).toBeUndefined();
    const gpu = await failureOf(() => loadTfjsNodeGpuEngine());
    expect(isGradproofError(gpu, 'GP_ENGINE')).toBe(true);
    expect(gpu.message).toBe('tfjs-node-gpu: not installed');
    const cpu = await failureOf(() => loadTfjsNodeEngine());
    expect(cpu.message).toBe('tfjs-node: not installed');
  });

  it('name the missing CUDA library when the binding cannot open it', async () => {
    const importer = async (): Promise<never> => {
      throw new Error('libcudnn.so.8: cannot open shared object file: No such file or directory');
    };
    const error = await failureOf(() => loadTfjsNodeGpuEngine({ importer }));
    expect(error.message).toBe('tfjs-node-gpu: libcudnn.so.8 not found (from cuDNN 8.1)');
  });

  it('find missing CUDA libraries with the real linker', () => {
    const missing = findMissingCudaLibraries();
    const expected = CUDA_LIBRARIES.map((lib) => lib.soname).filter((soname) => !canOpenSharedLibrary(soname));
    expect(missing).toEqual(expected);
    expect(findMissingCudaLibraries(presentEverywhere)).toEqual([]);
  });

  it('refuse a package that registered its backend with another tfjs-core', async () => {
    const error = await failureOf(() => loadTfjsNodeGpuEngine({ importer: async () => ({}) }));
    expect(error.message).toMatch(/^tfjs-node-gpu: loaded, but it uses another copy of @tensorflow\/tfjs-core than gradproof \(4\.\d+\.\d+\)/);
  });

  it('refuse tfjs-node-gpu when TensorFlow found no GPU, then refuse a second TensorFlow package', async () => {
    // Stands in for the package's own side effect: registering the `tensorflow` backend.
    class NoGpuBackend extends tf.KernelBackend {
      readonly isUsingGpuDevice = false;
    }
    const importer = async (): Promise<void> => {
      tf.registerBackend(TENSORFLOW_BACKEND, () => new NoGpuBackend(), 0);
    };
    const noDevice = await failureOf(() => loadTfjsNodeGpuEngine({ importer, dlopen: presentEverywhere }));
    expect(noDevice.message).toMatch(/^tfjs-node-gpu: loaded, but TensorFlow found no usable GPU device \(tfjs-node-gpu needs CUDA 11\.2 and cuDNN 8\.1/);
    const missing = findMissingCudaLibraries();
    const withRealLinker = await failureOf(() => loadTfjsNodeGpuEngine({ importer: async () => undefined }));
    expect(withRealLinker.message).toContain(missing.length > 0 ? `${missing[0]}` : 'no usable GPU device');
    const second = await failureOf(() => loadTfjsNodeEngine({ importer: async () => undefined }));
    expect(second.message).toMatch(/^tfjs-node: expected only one TensorFlow package per process, got @tensorflow\/tfjs-node-gpu already loaded/);
  });
});
