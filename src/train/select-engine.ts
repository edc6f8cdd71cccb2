/**
 * Choosing the compute engine for `--backend NAME`.
 *
 * A named engine is loaded or fails with `GP_ENGINE` and its reason. `auto` tries, in order:
 *
 * 1. `tfjs-node-gpu` — when installed and every CUDA 11.2 / cuDNN 8.1 library it needs opens
 *    (checked before loading, so TensorFlow's own start-up noise is avoided), and TensorFlow
 *    then places itself on a GPU;
 * 2. `webgpu` on a hardware adapter — a software adapter (Mesa's llvmpipe) is reported and never
 *    picked for speed; `--backend webgpu` still uses it (that is how CI tests the engine);
 * 3. `tfjs-node` (TensorFlow on the CPU); 4. `wasm`; 5. `cpu`;
 *
 * and returns the first that works with the reason each earlier one was skipped.
 */
import { GradproofError, isGradproofError } from '../symbolic/error.ts';
import { ENGINE_NAMES, type Engine, type EngineName, type EngineSelection, type EngineSkip } from './engine.ts';
import { loadCpuEngine } from './engines/cpu.ts';
import { describeNoGpuDevice } from './engines/tfjs-node-failure.ts';
import { findMissingCudaLibraries, installedVersion, loadTfjsNodeEngine, loadTfjsNodeGpuEngine } from './engines/tfjs-node.ts';
import { loadWasmEngine } from './engines/wasm.ts';
import type { WebGpuAdapterChoice } from './engines/webgpu-adapter.ts';
import { loadWebGpuEngine, probeWebGpu } from './engines/webgpu.ts';

/** A concrete engine name (not `auto`). */
export type ConcreteEngineName = Exclude<EngineName, 'auto'>;

/** How each engine is loaded; every function throws `GP_ENGINE` with a reason when it cannot. */
export interface EngineLoaders {
  readonly 'tfjs-node-gpu': () => Promise<Engine>;
  readonly 'tfjs-node': () => Promise<Engine>;
  readonly webgpu: (choice?: WebGpuAdapterChoice) => Promise<Engine>;
  readonly wasm: () => Promise<Engine>;
  readonly cpu: () => Promise<Engine>;
  /** `auto`'s look at the WebGPU adapter before initialising tfjs on it. */
  readonly probeWebGpu: () => Promise<WebGpuAdapterChoice>;
  /** `auto`'s check before loading tfjs-node-gpu: a reason not to load it, or undefined. */
  readonly tfjsNodeGpuPreflight: () => string | undefined;
}

/** Options for {@link loadEngine}. */
export interface LoadEngineOptions {
  /** Called once per engine `auto` skips ("skipped NAME: REASON") and once for the choice. Default: silent. */
  readonly log?: (line: string) => void;
  /** Replaces some loaders (for embedding gradproof, and for tests). */
  readonly loaders?: Partial<EngineLoaders>;
}

/** Reason text when auto sees a software adapter; `NAME` is e.g. "llvmpipe". */
export function softwareAdapterReason(adapterName: string): string {
  return `software adapter (${adapterName}), not used for speed (--backend webgpu uses it anyway)`;
}

/** auto's tfjs-node-gpu check: not installed, or the first missing CUDA/cuDNN libraries. */
function defaultTfjsNodeGpuPreflight(): string | undefined {
  if (installedVersion('@tensorflow/tfjs-node-gpu') === undefined) return 'not installed';
  const missing = findMissingCudaLibraries();
  return missing.length === 0 ? undefined : describeNoGpuDevice(missing);
}

const DEFAULT_LOADERS: EngineLoaders = {
  'tfjs-node-gpu': () => loadTfjsNodeGpuEngine(),
  'tfjs-node': () => loadTfjsNodeEngine(),
  webgpu: (choice) => loadWebGpuEngine(choice === undefined ? {} : { choice }),
  wasm: () => loadWasmEngine(),
  cpu: () => loadCpuEngine(),
  probeWebGpu: () => probeWebGpu(),
  tfjsNodeGpuPreflight: defaultTfjsNodeGpuPreflight,
};

/**
 * Loads the engine named by `--backend` and makes it tfjs's current backend.
 *
 * @example
 * const { engine, skipped } = await loadEngine('auto');
 * // engine.description: "wasm (XNNPACK, 1 thread, SIMD) with gradproof training kernels"
 * // skipped: [{ name: 'tfjs-node-gpu', reason: 'not installed' }, { name: 'webgpu', reason: 'software adapter (llvmpipe), …' }, …]
 * formatEngineSelection({ engine, skipped }).forEach((line) => console.error(line));
 *
 * @throws GradproofError GP_INPUT for an unknown name; GP_ENGINE when the named engine (or, for
 * `auto`, every engine) cannot be loaded.
 */
export async function loadEngine(name: EngineName, options: LoadEngineOptions = {}): Promise<EngineSelection> {
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) {
    throw new GradproofError('GP_INPUT', `--backend: expected one of ${ENGINE_NAMES.join(', ')}, got '${String(name)}'`);
  }
  const loaders: EngineLoaders = { ...DEFAULT_LOADERS, ...options.loaders };
  const log = options.log ?? (() => undefined);
  if (name !== 'auto') {
    const engine = await loaders[name]();
    log(`engine: ${engine.description}`);
    return { engine, skipped: [] };
  }
  const skipped: EngineSkip[] = [];
  const skip = (engineName: ConcreteEngineName, reason: string): void => {
    skipped.push({ name: engineName, reason });
    log(`skipped ${engineName}: ${reason}`);
  };
  const attempt = async (engineName: ConcreteEngineName, load: () => Promise<Engine>): Promise<Engine | undefined> => {
    try {
      return await load();
    } catch (error) {
      skip(engineName, reasonOf(engineName, error));
      return undefined;
    }
  };
  const chosen = await chooseAuto(loaders, skip, attempt);
  if (chosen === undefined) {
    const reasons = skipped.map((s) => `${s.name}: ${s.reason}`).join('; ');
    throw new GradproofError('GP_ENGINE', `--backend auto: expected one engine to load, got none (${reasons})`);
  }
  log(`engine: ${chosen.description}`);
  return { engine: chosen, skipped };
}

/** The ordered tries of `auto` (see the file header). */
async function chooseAuto(
  loaders: EngineLoaders,
  skip: (name: ConcreteEngineName, reason: string) => void,
  attempt: (name: ConcreteEngineName, load: () => Promise<Engine>) => Promise<Engine | undefined>,
): Promise<Engine | undefined> {
  const preflight = loaders.tfjsNodeGpuPreflight();
  if (preflight !== undefined) skip('tfjs-node-gpu', preflight);
  else {
    const engine = await attempt('tfjs-node-gpu', loaders['tfjs-node-gpu']);
    if (engine !== undefined) return engine;
  }
  const webgpu = await attempt('webgpu', async () => {
    const choice = await loaders.probeWebGpu();
    if (choice.software) throw new GradproofError('GP_ENGINE', `webgpu: ${softwareAdapterReason(choice.adapterName)}`);
    return loaders.webgpu(choice);
  });
  if (webgpu !== undefined) return webgpu;
  for (const name of ['tfjs-node', 'wasm', 'cpu'] as const) {
    const engine = await attempt(name, loaders[name]);
    if (engine !== undefined) return engine;
  }
  return undefined;
}

/** The reason carried by a loader's error, without its "NAME: " or "NAME engine: " prefix. */
export function reasonOf(name: ConcreteEngineName, error: unknown): string {
  const message = isGradproofError(error) || error instanceof Error ? error.message : String(error);
  const prefix = `${name}: `;
  const enginePrefix = `${name} engine: `;
  if (message.startsWith(prefix)) return message.slice(prefix.length);
  if (message.startsWith(enginePrefix)) return message.slice(enginePrefix.length);
  return message;
}

/**
 * The lines a command prints about the choice: "engine: DESCRIPTION", then one
 * "  skipped NAME: REASON" per skipped engine.
 */
export function formatEngineSelection(selection: EngineSelection): string[] {
  return [
    `engine: ${selection.engine.description}`,
    ...selection.skipped.map((s) => `  skipped ${s.name}: ${s.reason}`),
  ];
}
