/**
 * Finding a WebGPU adapter in Node through Dawn's binding (the `webgpu` npm package, which ships
 * a prebuilt `dawn.node`), and telling a hardware GPU from a software rasteriser.
 *
 * Order tried (first usable wins):
 * 1. Vulkan (`create([])`, the default on Linux) — a real GPU. Skipped without asking Dawn when
 *    the Vulkan loader `libvulkan.so.1` cannot be opened (Dawn would only print a warning).
 *    A software Vulkan adapter (Mesa's lavapipe) is refused: tfjs's shaders do not run on it.
 * 2. OpenGL ES through EGL (`create(['backend=opengles'])` with `featureLevel: 'compatibility'`)
 *    — on a machine without a GPU this is Mesa's llvmpipe (software, slow but correct, which is
 *    what CI uses); with NVIDIA's EGL it is the hardware GPU.
 *
 * @internal Used by `webgpu.ts` and `select-engine.ts`.
 */
import { GradproofError } from '../../symbolic/error.ts';
import { canOpenSharedLibrary } from './tfjs-node-shared-library.ts';

/** Which graphics API Dawn drives the adapter through. */
export type WebGpuApi = 'vulkan' | 'opengles';

/** A usable adapter with what is known about it. */
export interface WebGpuAdapterChoice {
  /** The `GPU` object it came from; keep it referenced while the device lives. */
  readonly gpu: GPU;
  readonly adapter: GPUAdapter;
  /** WebGPU's globals from the same binding; tfjs reads `GPUBufferUsage` etc. from `globalThis`. */
  readonly globals: object;
  readonly api: WebGpuApi;
  /** True for software rasterisers (llvmpipe, lavapipe, SwiftShader, WARP) and fallback adapters. */
  readonly software: boolean;
  /** Short adapter name, e.g. "NVIDIA H100 80GB HBM3" or "llvmpipe". */
  readonly adapterName: string;
  /** Why earlier APIs in the order were not used, e.g. "vulkan: libvulkan.so.1 not found". */
  readonly notes: readonly string[];
}

/** The adapter fields gradproof reads (a subset of `GPUAdapterInfo`). */
export interface AdapterInfoFields {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

/** The Vulkan loader's soname; Debian ships it in `libvulkan1`. */
export const VULKAN_LOADER = 'libvulkan.so.1';

/**
 * Names of software rasterisers as they appear in adapter info: Mesa's llvmpipe (GL) and
 * lavapipe (Vulkan, reported as "llvmpipe" too), softpipe, Google's SwiftShader, Microsoft's WARP.
 */
const SOFTWARE_ADAPTER_PATTERN = /llvmpipe|lavapipe|softpipe|swiftshader|microsoft basic render|\bwarp\b|software/i;

/** True when the adapter is a software rasteriser rather than a GPU. */
export function isSoftwareAdapter(info: AdapterInfoFields): boolean {
  if (info.isFallbackAdapter === true) return true;
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  return SOFTWARE_ADAPTER_PATTERN.test(text);
}

/** A short human name for the adapter: "llvmpipe", "NVIDIA H100 …", or the vendor. */
export function adapterName(info: AdapterInfoFields): string {
  const device = (info.device ?? '').trim();
  const software = /llvmpipe|lavapipe|softpipe|swiftshader/i.exec(`${device} ${info.description ?? ''}`);
  if (software) return software[0].toLowerCase();
  if (device !== '') return device;
  const description = (info.description ?? '').trim();
  if (description !== '') return description;
  const vendor = (info.vendor ?? '').trim();
  return vendor !== '' ? vendor : 'unknown adapter';
}

/** The `webgpu` package's surface that gradproof uses. */
export interface DawnModule {
  create(options: string[]): GPU;
  /** WebGPU's global classes and constants (`GPUBufferUsage`, `GPUMapMode`, …) for `globalThis`. */
  globals: object;
}

/**
 * Imports Dawn's binding. Throws `GP_ENGINE` with the reason: "not installed", or the shared
 * library that `dawn.node` could not open.
 */
export async function importDawn(importer: () => Promise<unknown> = () => import('webgpu')): Promise<DawnModule> {
  try {
    const mod = (await importer()) as Partial<DawnModule>;
    if (typeof mod.create !== 'function') {
      throw new GradproofError('GP_ENGINE', "webgpu: expected the 'webgpu' package to export create(), got none");
    }
    return mod as DawnModule;
  } catch (error) {
    if (error instanceof GradproofError) throw error;
    throw new GradproofError('GP_ENGINE', `webgpu: ${describeDawnImportError(error)}`, { cause: error });
  }
}

/** Turns a failed `import('webgpu')` into a reason (pure; unit-tested with real error texts). */
export function describeDawnImportError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /'webgpu'/.test(message)) {
    return "not installed (npm package 'webgpu')";
  }
  if (/dawn\.node/.test(message) && /Cannot find module|no such file/i.test(message)) {
    return `dawn.node is missing for ${process.platform}-${process.arch} (the 'webgpu' package ships prebuilt binaries for linux-x64, linux-arm64, darwin, win32)`;
  }
  const missing = /([\w.+-]+\.so[\w.]*): cannot open shared object file/.exec(message);
  if (missing) return `dawn.node needs ${missing[1]}, which was not found`;
  const glibc = /version `(GLIBC_[\d.]+)' not found/.exec(message);
  if (glibc) return `dawn.node needs ${glibc[1]} or newer`;
  return `dawn.node failed to load: ${message.split('\n')[0]}`;
}

/** Options for {@link requestWebGpuAdapter}. */
export interface AdapterRequestOptions {
  /** Which APIs to try, in order. Default: `['vulkan', 'opengles']`. */
  readonly apis?: readonly WebGpuApi[];
}

/**
 * Finds the best adapter Dawn offers (see the file header for the order). Sets
 * `EGL_PLATFORM=surfaceless` when unset, so Mesa's EGL needs no display server.
 * Throws `GP_ENGINE` listing why each API failed.
 */
export async function requestWebGpuAdapter(
  dawn: DawnModule,
  options: AdapterRequestOptions = {},
): Promise<WebGpuAdapterChoice> {
  process.env.EGL_PLATFORM ??= 'surfaceless';
  const notes: string[] = [];
  for (const api of options.apis ?? ['vulkan', 'opengles']) {
    if (api === 'vulkan' && !canOpenSharedLibrary(VULKAN_LOADER)) {
      notes.push(`vulkan: ${VULKAN_LOADER} not found (Debian: libvulkan1)`);
      continue;
    }
    let gpu: GPU;
    let adapter: GPUAdapter | null;
    try {
      gpu = dawn.create(api === 'vulkan' ? [] : ['backend=opengles']);
      adapter = await gpu.requestAdapter(
        api === 'vulkan'
          ? { powerPreference: 'high-performance' }
          : ({ powerPreference: 'high-performance', featureLevel: 'compatibility' } as GPURequestAdapterOptions),
      );
    } catch (error) {
      notes.push(`${api}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      continue;
    }
    if (adapter === null) {
      notes.push(`${api}: no adapter`);
      continue;
    }
    const info = readAdapterInfo(adapter);
    const software = isSoftwareAdapter(info);
    const name = adapterName(info);
    if (api === 'vulkan' && software) {
      // Measured: tfjs-backend-webgpu's shaders fail on Mesa's lavapipe; its GL path works.
      notes.push(`vulkan: software adapter (${name}) not used`);
      continue;
    }
    return { gpu, adapter, globals: dawn.globals, api, software, adapterName: name, notes };
  }
  throw new GradproofError('GP_ENGINE', `webgpu: expected a WebGPU adapter, got none (${notes.join('; ')})`);
}

/** Copies the adapter's info into a plain object (Dawn's fields are prototype getters). */
export function readAdapterInfo(adapter: GPUAdapter): AdapterInfoFields {
  const info = (adapter as GPUAdapter & { info?: AdapterInfoFields }).info ?? {};
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter,
  };
}
