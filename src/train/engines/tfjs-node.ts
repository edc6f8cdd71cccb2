/**
 * The `tfjs-node` and `tfjs-node-gpu` engines: TensorFlow's C library through the optional
 * packages `@tensorflow/tfjs-node` / `@tensorflow/tfjs-node-gpu` (tfjs backend `tensorflow`).
 *
 * Both are optional peer dependencies: their install script downloads libtensorflow 2.9.1, which
 * fails without network, and the GPU build needs CUDA 11.2 and cuDNN 8.1, which current GPU
 * machines often lack. So they are loaded with a dynamic `import()` and every failure becomes a
 * `GP_ENGINE` error that names what is missing (see `tfjs-node-failure.ts`); nothing crashes.
 * Only one of the two can live in a process (both register `tensorflow`).
 */
import { createRequire } from 'node:module';

import * as tf from '@tensorflow/tfjs-core';

import '../register-gradients.ts';
import { GradproofError } from '../../symbolic/error.ts';
import type { Engine } from '../engine.ts';
import { quietTfjs } from '../quiet-tfjs.ts';
import {
  CUDA_LIBRARIES,
  TFJS_NODE_REQUIREMENTS,
  describeNoGpuDevice,
  describeTfjsNodeLoadError,
  type TfjsNodePackage,
} from './tfjs-node-failure.ts';
import { canOpenSharedLibrary, type DlopenFunction } from './tfjs-node-shared-library.ts';

/** The tfjs backend both packages register. */
export const TENSORFLOW_BACKEND = 'tensorflow';

/** How a package is imported; injectable so tests can feed real failure texts. */
export type PackageImporter = (pkg: TfjsNodePackage) => Promise<unknown>;

/** Options for the loaders below. */
export interface TfjsNodeEngineOptions {
  /** Default: a dynamic `import(pkg)`. */
  readonly importer?: PackageImporter;
  /** Default: `process.dlopen` (used to name missing CUDA libraries). */
  readonly dlopen?: DlopenFunction;
}

/** The backend object tfjs-node registers, as far as gradproof reads it. */
interface NodeKernelBackendFields {
  readonly isUsingGpuDevice?: boolean;
}

const defaultImporter: PackageImporter = (pkg) => import(pkg);

/** Which of the two packages is already loaded in this process, if any. */
let loadedPackage: TfjsNodePackage | undefined;

/**
 * Loads `@tensorflow/tfjs-node` (TensorFlow on the CPU) and makes `tensorflow` the current backend.
 * Throws `GP_ENGINE` "tfjs-node: REASON" (e.g. "tfjs-node: not installed").
 */
export async function loadTfjsNodeEngine(options: TfjsNodeEngineOptions = {}): Promise<Engine> {
  const pkg: TfjsNodePackage = '@tensorflow/tfjs-node';
  await importPackage(pkg, options);
  return {
    name: 'tfjs-node',
    backend: TENSORFLOW_BACKEND,
    hardwareGpu: false,
    description: `${withVersion(pkg)} (TensorFlow ${TFJS_NODE_REQUIREMENTS.libtensorflow} C library, CPU)`,
  };
}

/**
 * Loads `@tensorflow/tfjs-node-gpu` and makes `tensorflow` the current backend, but only when
 * TensorFlow actually placed itself on a GPU. Throws `GP_ENGINE` "tfjs-node-gpu: REASON", e.g.
 * "tfjs-node-gpu: not installed" or "tfjs-node-gpu: libcudart.so.11.0 not found (tfjs-node-gpu
 * needs CUDA 11.2 and cuDNN 8.1)".
 */
export async function loadTfjsNodeGpuEngine(options: TfjsNodeEngineOptions = {}): Promise<Engine> {
  const pkg: TfjsNodePackage = '@tensorflow/tfjs-node-gpu';
  const backend = (await importPackage(pkg, options)) as NodeKernelBackendFields;
  if (backend.isUsingGpuDevice !== true) {
    const missing = findMissingCudaLibraries(options.dlopen);
    throw new GradproofError('GP_ENGINE', `tfjs-node-gpu: loaded, but ${describeNoGpuDevice(missing)}`);
  }
  return {
    name: 'tfjs-node-gpu',
    backend: TENSORFLOW_BACKEND,
    hardwareGpu: true,
    description: `${withVersion(pkg)} (TensorFlow ${TFJS_NODE_REQUIREMENTS.libtensorflow}, CUDA)`,
  };
}

/** "tfjs-node 4.22.0", or the bare name when the version cannot be read. */
function withVersion(pkg: TfjsNodePackage): string {
  const version = installedVersion(pkg);
  const short = pkg.replace('@tensorflow/', '');
  return version === undefined ? short : `${short} ${version}`;
}

/** The sonames of {@link CUDA_LIBRARIES} that the dynamic linker cannot open. */
export function findMissingCudaLibraries(dlopen?: DlopenFunction): string[] {
  return CUDA_LIBRARIES.filter((lib) => !canOpenSharedLibrary(lib.soname, dlopen)).map((lib) => lib.soname);
}

/** The installed version of a package, or undefined when it is not installed. */
export function installedVersion(pkg: TfjsNodePackage): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${pkg}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Imports the package, checks it registered `tensorflow` with our tfjs-core, and selects it. */
async function importPackage(pkg: TfjsNodePackage, options: TfjsNodeEngineOptions): Promise<tf.KernelBackend> {
  quietTfjs();
  const short = pkg.replace('@tensorflow/', '');
  if (loadedPackage !== undefined && loadedPackage !== pkg) {
    throw new GradproofError(
      'GP_ENGINE',
      `${short}: expected only one TensorFlow package per process, got ${loadedPackage} already loaded (both provide the '${TENSORFLOW_BACKEND}' backend)`,
    );
  }
  try {
    await (options.importer ?? defaultImporter)(pkg);
  } catch (error) {
    throw new GradproofError('GP_ENGINE', `${short}: ${describeTfjsNodeLoadError(pkg, error)}`, { cause: error });
  }
  loadedPackage = pkg;
  if (tf.findBackendFactory(TENSORFLOW_BACKEND) === null) {
    // It registered its backend with another copy of tfjs-core (a version mismatch).
    throw new GradproofError(
      'GP_ENGINE',
      `${short}: loaded, but it uses another copy of @tensorflow/tfjs-core than gradproof (${tf.version_core}): expected ${pkg}@${tf.version_core}, got ${installedVersion(pkg) ?? 'an unknown version'}`,
    );
  }
  if (!(await tf.setBackend(TENSORFLOW_BACKEND))) {
    throw new GradproofError('GP_ENGINE', `${short}: loaded, but its '${TENSORFLOW_BACKEND}' backend failed to initialise (see the warning above)`);
  }
  return tf.backend();
}
