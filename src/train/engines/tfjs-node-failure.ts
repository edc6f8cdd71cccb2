/**
 * Why `@tensorflow/tfjs-node` or `@tensorflow/tfjs-node-gpu` cannot be used, in words a user
 * can act on. Pure functions over the texts that Node and the dynamic linker produce, so each
 * real failure text can be unit-tested without the package installed.
 *
 * @internal Used by `tfjs-node.ts`.
 */

/** The two optional TensorFlow C-library packages. */
export type TfjsNodePackage = '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu';

/**
 * What tfjs-node(-gpu) 4.x is built against: its install script downloads libtensorflow 2.9.1,
 * whose GPU build needs CUDA 11.2 and cuDNN 8.1 (TensorFlow's tested build configurations).
 */
export const TFJS_NODE_REQUIREMENTS = {
  libtensorflow: '2.9.1',
  cuda: '11.2',
  cudnn: '8.1',
} as const;

/**
 * The shared libraries libtensorflow 2.9.1 (GPU build) opens at start-up, with what provides
 * each. Checked in this order; the first missing one is the most useful to report.
 */
export const CUDA_LIBRARIES: readonly { readonly soname: string; readonly from: string }[] = [
  { soname: 'libcuda.so.1', from: 'the NVIDIA driver' },
  { soname: 'libcudart.so.11.0', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda}` },
  { soname: 'libcublas.so.11', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda} (cuBLAS)` },
  { soname: 'libcublasLt.so.11', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda} (cuBLAS)` },
  { soname: 'libcufft.so.10', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda} (cuFFT)` },
  { soname: 'libcurand.so.10', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda} (cuRAND)` },
  { soname: 'libcusolver.so.11', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda} (cuSOLVER)` },
  { soname: 'libcusparse.so.11', from: `CUDA ${TFJS_NODE_REQUIREMENTS.cuda} (cuSPARSE)` },
  { soname: 'libcudnn.so.8', from: `cuDNN ${TFJS_NODE_REQUIREMENTS.cudnn}` },
];

/** What provides a shared library that tfjs-node(-gpu) needs, by soname prefix. */
function providerOf(soname: string, pkg: TfjsNodePackage): string | undefined {
  const known = CUDA_LIBRARIES.find((lib) => lib.soname === soname || soname.startsWith(lib.soname.split('.so')[0] + '.so'));
  if (known) return known.from;
  if (/^libtensorflow(_framework)?\.so/.test(soname)) {
    return `libtensorflow ${TFJS_NODE_REQUIREMENTS.libtensorflow}, downloaded by ${pkg}'s install script; run \`${rebuildCommand(pkg)}\` where a network exists`;
  }
  return undefined;
}

/** The commands that re-run the package's install step under npm 11's install-script approval. */
export function rebuildCommand(pkg: TfjsNodePackage): string {
  return `npm install-scripts approve ${pkg} && npm rebuild ${pkg}`;
}

/** "libcudart.so.11.0 not found (needs CUDA 11.2)" for a missing shared library. */
export function describeMissingLibrary(soname: string, pkg: TfjsNodePackage): string {
  const from = providerOf(soname, pkg);
  return from === undefined ? `${soname} not found` : `${soname} not found (from ${from})`;
}

/**
 * Turns the error thrown by `import(pkg)` into a reason. Covers: the package not installed, its
 * install script not run (no `tfjs_binding.node`), a shared library the binding links to missing
 * (parsed from the dlopen text), a missing `@tensorflow/tfjs` dependency, a wrong glibc, and a
 * binding built for another Node.js; anything else is quoted (first line).
 */
export function describeTfjsNodeLoadError(pkg: TfjsNodePackage, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(message);
  if (/tfjs_binding\.node/.test(message) && (notFound || /can ?not be found|tfjs_binding\.node: cannot open shared object file/i.test(message))) {
    return `installed, but its native addon tfjs_binding.node is missing: its install script (which downloads libtensorflow ${TFJS_NODE_REQUIREMENTS.libtensorflow}) did not run or failed; run \`${rebuildCommand(pkg)}\` where a network exists`;
  }
  const missingLibrary = /([\w.+-]+\.so(?:\.[\w.]+)?): cannot open shared object file/.exec(message);
  if (missingLibrary) return describeMissingLibrary(missingLibrary[1]!, pkg);
  const glibc = /version `(GLIBC_[\d.]+)' not found/.exec(message);
  if (glibc) return `its native addon needs ${glibc[1]} or newer than this system's C library`;
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return `its native addon was built for another Node.js version (this is ${process.version}); run \`${rebuildCommand(pkg)}\``;
  }
  if (notFound) {
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
    if (missing === undefined || missing === pkg) return 'not installed';
    return `installed, but its dependency ${missing} is missing`;
  }
  return `failed to load: ${message.split('\n')[0]}`;
}

/**
 * The reason tfjs-node-gpu loaded but TensorFlow put no op on a GPU: the first missing CUDA or
 * cuDNN library when one is missing, otherwise no visible device.
 */
export function describeNoGpuDevice(missing: readonly string[]): string {
  const requirement = `tfjs-node-gpu needs CUDA ${TFJS_NODE_REQUIREMENTS.cuda} and cuDNN ${TFJS_NODE_REQUIREMENTS.cudnn}`;
  if (missing.length === 0) return `TensorFlow found no usable GPU device (${requirement}; check nvidia-smi)`;
  const listed = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
  return `${listed} not found (${requirement})`;
}
