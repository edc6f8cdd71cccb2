/**
 * `loadEngine`: the order `auto` follows and the reasons it reports, with injected loaders for
 * the situations this machine cannot produce (a hardware GPU, tfjs-node-gpu installed), and the
 * real loaders for what it can.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

import { GradproofError, isGradproofError } from '../../src/symbolic/error.ts';
import type { Engine, EngineName } from '../../src/train/engine.ts';
import type { WebGpuAdapterChoice } from '../../src/train/engines/webgpu-adapter.ts';
import {
  formatEngineSelection,
  loadEngine,
  reasonOf,
  softwareAdapterReason,
  type EngineLoaders,
} from '../../src/train/select-engine.ts';

const engine = (name: Engine['name'], hardwareGpu = false): Engine => ({ name, backend: name, hardwareGpu, description: `${name} test engine` });
const fail = (message: string) => async (): Promise<never> => {
  throw new GradproofError('GP_ENGINE', message);
};
const adapter = (software: boolean, adapterName: string): WebGpuAdapterChoice =>
  ({ software, adapterName, api: software ? 'opengles' : 'vulkan', notes: [] }) as unknown as WebGpuAdapterChoice;

/** Loaders for a machine with nothing but wasm and cpu, and Mesa's software GL. */
function noGpuMachine(calls: string[]): Partial<EngineLoaders> {
  return {
    tfjsNodeGpuPreflight: () => 'not installed',
    'tfjs-node-gpu': async () => {
      calls.push('tfjs-node-gpu');
      return engine('tfjs-node-gpu', true);
    },
    probeWebGpu: async () => adapter(true, 'llvmpipe'),
    webgpu: async () => {
      calls.push('webgpu');
      return engine('webgpu');
    },
    'tfjs-node': fail('tfjs-node: not installed'),
    wasm: async () => {
      calls.push('wasm');
      return engine('wasm');
    },
    cpu: async () => engine('cpu'),
  };
}

describe('loadEngine auto', () => {
  it('skips a software adapter and uninstalled packages, picks wasm, and says why', async () => {
    const calls: string[] = [];
    const lines: string[] = [];
    const selection = await loadEngine('auto', { loaders: noGpuMachine(calls), log: (line) => lines.push(line) });
    expect(selection.engine.name).toBe('wasm');
    expect(selection.skipped).toEqual([
      { name: 'tfjs-node-gpu', reason: 'not installed' },
      { name: 'webgpu', reason: 'software adapter (llvmpipe), not used for speed (--backend webgpu uses it anyway)' },
      { name: 'tfjs-node', reason: 'not installed' },
    ]);
    expect(calls).toEqual(['wasm']);
    expect(lines).toEqual([
      'skipped tfjs-node-gpu: not installed',
      `skipped webgpu: ${softwareAdapterReason('llvmpipe')}`,
      'skipped tfjs-node: not installed',
      'engine: wasm test engine',
    ]);
    expect(formatEngineSelection(selection)).toEqual([
      'engine: wasm test engine',
      '  skipped tfjs-node-gpu: not installed',
      `  skipped webgpu: ${softwareAdapterReason('llvmpipe')}`,
      '  skipped tfjs-node: not installed',
    ]);
  });

  it('prefers webgpu on a hardware adapter and hands it the probed adapter', async () => {
    const calls: string[] = [];
    const h100 = adapter(false, 'NVIDIA H100 80GB HBM3');
    let given: WebGpuAdapterChoice | undefined;
    const selection = await loadEngine('auto', {
      loaders: {
        ...noGpuMachine(calls),
        tfjsNodeGpuPreflight: () => 'libcudart.so.11.0 not found (tfjs-node-gpu needs CUDA 11.2 and cuDNN 8.1)',
        probeWebGpu: async () => h100,
        webgpu: async (choice) => {
          given = choice;
          return engine('webgpu', true);
        },
      },
    });
    expect(selection.engine).toMatchObject({ name: 'webgpu', hardwareGpu: true });
    expect(given).toBe(h100);
    expect(selection.skipped).toEqual([{ name: 'tfjs-node-gpu', reason: 'libcudart.so.11.0 not found (tfjs-node-gpu needs CUDA 11.2 and cuDNN 8.1)' }]);
  });

  it('prefers tfjs-node-gpu when its preflight passes and it loads', async () => {
    const calls: string[] = [];
    const selection = await loadEngine('auto', { loaders: { ...noGpuMachine(calls), tfjsNodeGpuPreflight: () => undefined } });
    expect(selection.engine.name).toBe('tfjs-node-gpu');
    expect(selection.skipped).toEqual([]);
    expect(calls).toEqual(['tfjs-node-gpu']);
  });

  it('falls through failing loaders to cpu, stripping "NAME:" and "NAME engine:" prefixes', async () => {
    const selection = await loadEngine('auto', {
      loaders: {
        ...noGpuMachine([]),
        probeWebGpu: fail('webgpu: expected a WebGPU adapter, got none (vulkan: no adapter; opengles: no adapter)'),
        wasm: fail('wasm engine: expected the WebAssembly backend to load, got Error: x'),
      },
    });
    expect(selection.engine.name).toBe('cpu');
    expect(selection.skipped.map((s) => s.reason)).toEqual([
      'not installed',
      'expected a WebGPU adapter, got none (vulkan: no adapter; opengles: no adapter)',
      'not installed',
      'expected the WebAssembly backend to load, got Error: x',
    ]);
  });

  it('throws GP_ENGINE listing every reason when nothing loads', async () => {
    const error = await loadEngine('auto', { loaders: { ...noGpuMachine([]), wasm: fail('wasm: broken'), cpu: fail('cpu engine: broken too') } }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isGradproofError(error, 'GP_ENGINE')).toBe(true);
    expect((error as Error).message).toBe(
      `--backend auto: expected one engine to load, got none (tfjs-node-gpu: not installed; webgpu: ${softwareAdapterReason('llvmpipe')}; tfjs-node: not installed; wasm: broken; cpu: broken too)`,
    );
  });
});

describe('loadEngine by name', () => {
  it('rejects an unknown name with GP_INPUT', async () => {
    const error = await loadEngine('cuda' as EngineName).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isGradproofError(error, 'GP_INPUT')).toBe(true);
    expect((error as Error).message).toBe("--backend: expected one of auto, tfjs-node-gpu, tfjs-node, webgpu, wasm, cpu, got 'cuda'");
  });

  it('propagates the named engine’s failure (real: tfjs-node-gpu is not installed here)', async () => {
    const error = await loadEngine('tfjs-node-gpu').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isGradproofError(error, 'GP_ENGINE')).toBe(true);
    expect((error as Error).message).toBe('tfjs-node-gpu: not installed');
  });

  it('auto on this machine (real loaders) never picks a software adapter and reports each skip', async () => {
    const selection = await loadEngine('auto');
    expect(tf.getBackend()).toBe(selection.engine.backend);
    expect(selection.engine.name === 'webgpu' ? selection.engine.hardwareGpu : true).toBe(true);
    const order = ['tfjs-node-gpu', 'webgpu', 'tfjs-node', 'wasm', 'cpu'];
    const chosenAt = order.indexOf(selection.engine.name);
    expect(selection.skipped.map((s) => s.name)).toEqual(order.slice(0, chosenAt));
    for (const s of selection.skipped) expect(s.reason.length).toBeGreaterThan(0);
  });

  it('explicit webgpu uses whatever adapter exists, software included (real)', async () => {
    const selection = await loadEngine('webgpu');
    expect(selection.engine.name).toBe('webgpu');
    expect(selection.skipped).toEqual([]);
    expect(tf.getBackend()).toBe('webgpu');
  });

  it('reasonOf keeps messages without a prefix', () => {
    expect(reasonOf('wasm', new Error('something else'))).toBe('something else');
    expect(reasonOf('cpu', 'plain text')).toBe('plain text');
  });
});
