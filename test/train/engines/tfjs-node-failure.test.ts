/**
 * The classification of tfjs-node(-gpu) load failures, fed with real failure texts: produced on
 * this machine by Node itself (dlopen of a library that is absent, require of a package that is
 * absent) wherever possible, and otherwise quoted verbatim from tfjs-node's own messages.
 */
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import {
  CUDA_LIBRARIES,
  TFJS_NODE_REQUIREMENTS,
  describeMissingLibrary,
  describeNoGpuDevice,
  describeTfjsNodeLoadError,
  rebuildCommand,
} from '../../../src/train/engines/tfjs-node-failure.ts';
import { canOpenSharedLibrary, sharedLibraryError } from '../../../src/train/engines/tfjs-node-shared-library.ts';

const GPU = '@tensorflow/tfjs-node-gpu' as const;
const CPU = '@tensorflow/tfjs-node' as const;

/** A soname no system has, so the dynamic linker's real "not found" text can be produced. */
const ABSENT_SONAME = 'libgradproof-absent-test.so.0';

/** The error Node really throws for `process.dlopen(filename)`. */
function realDlopenError(filename: string): Error {
  try {
    process.dlopen({ exports: {} }, filename);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected dlopen of ${filename} to fail`);
}

/** The error Node really throws for `require(name)` of a package that is not installed. */
function realRequireError(name: string): Error {
  try {
    createRequire(import.meta.url)(name);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected require of ${name} to fail`);
}

describe('sharedLibraryError', () => {
  it('reports an absent library with the linker’s reason', () => {
    const reason = sharedLibraryError(ABSENT_SONAME);
    expect(reason).toContain(`${ABSENT_SONAME}: cannot open shared object file`);
    expect(canOpenSharedLibrary(ABSENT_SONAME)).toBe(false);
  });

  it('treats a library that opens but is no Node addon as present (libc)', () => {
    expect(sharedLibraryError('libc.so.6')).toBeUndefined();
    expect(canOpenSharedLibrary('libc.so.6')).toBe(true);
  });

  it('uses the injected dlopen', () => {
    const calls: string[] = [];
    const dlopen = (_m: { exports: unknown }, name: string): void => {
      calls.push(name);
      throw new Error(`${name}: cannot open shared object file: No such file or directory`);
    };
    expect(sharedLibraryError('libcudart.so.11.0', dlopen)).toMatch(/^libcudart\.so\.11\.0: cannot open/);
    expect(calls).toEqual(['libcudart.so.11.0']);
  });
});

describe('describeTfjsNodeLoadError', () => {
  it('says "not installed" for the real error of a missing package (require and import)', async () => {
    expect(describeTfjsNodeLoadError(GPU, realRequireError(GPU))).toBe('not installed');
    const importError = await import(/* @vite-ignore */ CPU).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeTfjsNodeLoadError(CPU, importError)).toBe('not installed');
  });

  it('names a missing dependency of an installed package', () => {
    const error = Object.assign(new Error("Cannot find module '@tensorflow/tfjs'\nRequire stack:\n- /x/node_modules/@tensorflow/tfjs-node/dist/index.js"), {
      code: 'MODULE_NOT_FOUND',
    });
    expect(describeTfjsNodeLoadError(CPU, error)).toBe('installed, but its dependency @tensorflow/tfjs is missing');
  });

  it('explains a missing tfjs_binding.node (install script not run), from the real dlopen text and tfjs-node’s own message', () => {
    const dlopenText = realDlopenError('/nonexistent/gradproof/lib/napi-v8/tfjs_binding.node');
    const tfjsText = new Error(
      'The Node.js native addon module (tfjs_binding.node) can not be found at path: /x/node_modules/@tensorflow/tfjs-node-gpu/lib/napi-v8/tfjs_binding.node. \n' +
        "Please run command 'npm rebuild @tensorflow/tfjs-node-gpu --build-addon-from-source' to rebuild the native addon module.",
    );
    for (const error of [dlopenText, tfjsText]) {
      const reason = describeTfjsNodeLoadError(GPU, error);
      expect(reason).toContain('tfjs_binding.node is missing');
      expect(reason).toContain(`libtensorflow ${TFJS_NODE_REQUIREMENTS.libtensorflow}`);
      expect(reason).toContain(rebuildCommand(GPU));
    }
  });

  it('names each missing shared library and what provides it, from real dlopen texts', () => {
    const cases: [string, string][] = [
      ['libcudart.so.11.0', 'libcudart.so.11.0 not found (from CUDA 11.2)'],
      ['libcudnn.so.8', 'libcudnn.so.8 not found (from cuDNN 8.1)'],
      ['libcuda.so.1', 'libcuda.so.1 not found (from the NVIDIA driver)'],
      ['libcublasLt.so.11', 'libcublasLt.so.11 not found (from CUDA 11.2 (cuBLAS))'],
    ];
    for (const [soname, expected] of cases) {
      // The real text when the library is absent; where it is present, the text Node would print.
      const error = canOpenSharedLibrary(soname)
        ? new Error(`${soname}: cannot open shared object file: No such file or directory`)
        : realDlopenError(soname);
      expect(describeTfjsNodeLoadError(GPU, error)).toBe(expected);
    }
    const libtensorflow = describeTfjsNodeLoadError(CPU, new Error('libtensorflow.so.2: cannot open shared object file: No such file or directory'));
    expect(libtensorflow).toMatch(/^libtensorflow\.so\.2 not found \(from libtensorflow 2\.9\.1, downloaded by @tensorflow\/tfjs-node's install script/);
    expect(describeTfjsNodeLoadError(CPU, realDlopenError(ABSENT_SONAME))).toBe(`${ABSENT_SONAME} not found`);
  });

  it('explains glibc and Node ABI mismatches, and quotes anything else', () => {
    const glibc = new Error("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found (required by /x/libtensorflow.so.2)");
    expect(describeTfjsNodeLoadError(GPU, glibc)).toBe("its native addon needs GLIBC_2.38 or newer than this system's C library");
    const abi = new Error("The module '/x/tfjs_binding.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 108.");
    expect(describeTfjsNodeLoadError(GPU, abi)).toContain('built for another Node.js version');
    expect(describeTfjsNodeLoadError(GPU, new Error('boom\nsecond line'))).toBe('failed to load: boom');
  });
});

describe('describeNoGpuDevice and the CUDA list', () => {
  it('lists at most three missing libraries and states the requirement', () => {
    const missing = CUDA_LIBRARIES.map((lib) => lib.soname);
    const reason = describeNoGpuDevice(missing);
    expect(reason).toBe(
      `libcuda.so.1, libcudart.so.11.0, libcublas.so.11 and ${missing.length - 3} more not found (tfjs-node-gpu needs CUDA 11.2 and cuDNN 8.1)`,
    );
    expect(describeNoGpuDevice([])).toMatch(/^TensorFlow found no usable GPU device/);
  });

  it('covers cuDNN and the driver, and describes each soname', () => {
    const sonames = CUDA_LIBRARIES.map((lib) => lib.soname);
    expect(sonames).toContain('libcudnn.so.8');
    expect(sonames).toContain('libcuda.so.1');
    for (const soname of sonames) expect(describeMissingLibrary(soname, GPU)).toMatch(new RegExp(`^${soname.replace(/\./g, '\\.')} not found \\(from `));
  });
});
