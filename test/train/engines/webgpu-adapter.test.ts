/**
 * Finding a WebGPU adapter through Dawn and classifying it. Uses this machine's real adapters
 * (Mesa's llvmpipe through OpenGL ES in CI) and real adapter-info texts.
 */
import { describe, expect, it } from 'vitest';

import { isGradproofError } from '../../../src/symbolic/error.ts';
import {
  VULKAN_LOADER,
  adapterName,
  describeDawnImportError,
  importDawn,
  isSoftwareAdapter,
  readAdapterInfo,
  requestWebGpuAdapter,
} from '../../../src/train/engines/webgpu-adapter.ts';
import { canOpenSharedLibrary } from '../../../src/train/engines/tfjs-node-shared-library.ts';

/** Adapter info as Dawn reports it: Mesa's GL on this machine's class of CI runner, and GPUs. */
const LLVMPIPE_GL = { vendor: '', architecture: '', device: 'llvmpipe-llvm-15-0-6-256-bits-', description: 'OpenGL version OpenGL ES 3.2 Mesa 22.3.6' };
const LAVAPIPE_VK = { vendor: 'mesa', architecture: '', device: 'llvmpipe (LLVM 15.0.6, 256 bits)', description: 'Mesa 22.3.6 (LLVM 15.0.6)' };
const SWIFTSHADER = { vendor: 'google', architecture: '', device: 'SwiftShader Device (Subzero)', description: 'SwiftShader driver' };
const NVIDIA_VK = { vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100 80GB HBM3', description: 'NVIDIA: 550.54.15' };
const AMD_VK = { vendor: 'amd', architecture: 'rdna-3', device: 'AMD Radeon RX 7900 XTX (RADV NAVI31)', description: 'radv Mesa 24.0.5' };

describe('adapter classification', () => {
  it('tells software rasterisers from GPUs', () => {
    for (const info of [LLVMPIPE_GL, LAVAPIPE_VK, SWIFTSHADER, { ...NVIDIA_VK, isFallbackAdapter: true }]) {
      expect(isSoftwareAdapter(info), JSON.stringify(info)).toBe(true);
    }
    for (const info of [NVIDIA_VK, AMD_VK]) expect(isSoftwareAdapter(info), JSON.stringify(info)).toBe(false);
  });

  it('names adapters briefly', () => {
    expect(adapterName(LLVMPIPE_GL)).toBe('llvmpipe');
    expect(adapterName(LAVAPIPE_VK)).toBe('llvmpipe');
    expect(adapterName(SWIFTSHADER)).toBe('swiftshader');
    expect(adapterName(NVIDIA_VK)).toBe('NVIDIA H100 80GB HBM3');
    expect(adapterName({ vendor: 'intel' })).toBe('intel');
    expect(adapterName({})).toBe('unknown adapter');
  });
});

describe('importing Dawn', () => {
  it('loads the installed binding (dawn.node for this platform)', async () => {
    const dawn = await importDawn();
    expect(typeof dawn.create).toBe('function');
    expect(dawn.globals).toHaveProperty('GPUBufferUsage');
  });

  it('turns import failures into reasons', async () => {
    const notInstalled = Object.assign(new Error("Cannot find package 'webgpu' imported from /x/src/train/engines/webgpu-adapter.ts"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(describeDawnImportError(notInstalled)).toBe("not installed (npm package 'webgpu')");
    expect(describeDawnImportError(new Error('libGL.so.1: cannot open shared object file: No such file or directory'))).toBe(
      'dawn.node needs libGL.so.1, which was not found',
    );
    const error = await importDawn(async () => {
      throw new Error("Cannot find module '/x/node_modules/webgpu/dist/linux-riscv64/dawn.node'");
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isGradproofError(error, 'GP_ENGINE')).toBe(true);
    expect((error as Error).message).toMatch(/^webgpu: dawn\.node is missing for /);
  });
});

describe('requesting an adapter', () => {
  it('finds an OpenGL ES adapter in compatibility mode (software GL without a GPU)', async () => {
    const choice = await requestWebGpuAdapter(await importDawn(), { apis: ['opengles'] });
    expect(choice.api).toBe('opengles');
    expect(process.env.EGL_PLATFORM).toBeDefined();
    const info = readAdapterInfo(choice.adapter);
    expect(choice.software).toBe(isSoftwareAdapter(info));
    expect(choice.adapterName).toBe(adapterName(info));
    expect(choice.notes).toEqual([]);
  });

  it('uses Vulkan only for a hardware adapter, and says why not otherwise', async () => {
    const dawn = await importDawn();
    const result = await requestWebGpuAdapter(dawn, { apis: ['vulkan'] }).then(
      (choice) => ({ choice }),
      (error: unknown) => ({ error: error as Error }),
    );
    if ('choice' in result) {
      expect(result.choice.api).toBe('vulkan');
      expect(result.choice.software).toBe(false);
    } else {
      expect(isGradproofError(result.error, 'GP_ENGINE')).toBe(true);
      const expected = canOpenSharedLibrary(VULKAN_LOADER)
        ? /^webgpu: expected a WebGPU adapter, got none \(vulkan: .+\)$/
        : /^webgpu: expected a WebGPU adapter, got none \(vulkan: libvulkan\.so\.1 not found \(Debian: libvulkan1\)\)$/;
      expect(result.error.message).toMatch(expected);
    }
  });
});
