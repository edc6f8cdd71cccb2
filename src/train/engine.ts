/**
 * A compute engine: one TensorFlow.js backend, loaded and made current.
 *
 * Engines are loaded by name through `loadEngine` (see `select-engine.ts`); `auto` tries them
 * from fastest to slowest and reports why each skipped one was skipped.
 */

/** Names accepted by `--backend`. */
export const ENGINE_NAMES = ['auto', 'tfjs-node-gpu', 'tfjs-node', 'webgpu', 'wasm', 'cpu'] as const;

/** One of {@link ENGINE_NAMES}. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** A loaded engine: the tfjs backend is registered and set as the current backend. */
export interface Engine {
  /** The concrete engine (never `auto`). */
  readonly name: Exclude<EngineName, 'auto'>;
  /** The tfjs backend name it made current (`tf.getBackend()`), e.g. `wasm`, `webgpu`, `tensorflow`. */
  readonly backend: string;
  /** True when it computes on a hardware GPU (false for software adapters such as Mesa's). */
  readonly hardwareGpu: boolean;
  /** Human description, e.g. "webgpu on NVIDIA H100 (Vulkan)" or "wasm, 1 thread, SIMD". */
  readonly description: string;
}

/** Why an engine was not used, as reported by `auto`. */
export interface EngineSkip {
  readonly name: Exclude<EngineName, 'auto'>;
  /** e.g. "not installed", "libcudart.so.11.0 not found", "software adapter (llvmpipe), not used for speed (--backend webgpu uses it anyway)". */
  readonly reason: string;
}

/** The result of selecting an engine: the one in use and the ones skipped, with reasons. */
export interface EngineSelection {
  readonly engine: Engine;
  readonly skipped: readonly EngineSkip[];
}
