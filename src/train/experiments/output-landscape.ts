/**
 * Q1's "output landscape" (the Mish paper's figure): a randomly initialised MLP
 * 2 → 64 → 32 → 16 → 1, the activation after every layer, evaluated on a grid over [0, 10]²,
 * drawn as a heat map, with smoothness numbers so that "Mish's landscape is smoother" becomes a
 * measured statement. Every activation sees the same random weights for a given seed; the
 * numbers are repeated over several seeds and reported as mean ± std.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { GradproofError } from '../../symbolic/error.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../symbolic/index.ts';
import { loadCpuEngine } from '../engines/cpu.ts';
import { loadWasmEngine } from '../engines/wasm.ts';
import { encodeHeatmapPng } from './heatmap-png.ts';
import { formatLandscapeMarkdown } from './landscape-markdown.ts';
import { tensorActivation } from './landscape-activation.ts';
import { type LandscapeSmoothness, landscapeSmoothness } from './landscape-smoothness.ts';
import { type MeanStd, meanStd } from '../mean-std.ts';
import { LANDSCAPE_LAYER_SIZES, randomMlpWeights } from './random-mlp.ts';

/** Schema version of `landscape.json`. */
export const LANDSCAPE_SCHEMA_VERSION = 1;
/** The paper's figure: ReLU, Mish, Swish. */
export const DEFAULT_LANDSCAPE_ACTIVATIONS: readonly string[] = ['relu', 'mish', 'swish'];
/** Grid side of the Mish paper's figure. */
export const DEFAULT_LANDSCAPE_SIZE = 400;
/** Input square [0, 10]², as in the paper. */
export const LANDSCAPE_DOMAIN: readonly [number, number] = [0, 10];
/** Networks (seeds) the smoothness numbers are averaged over: one seed is an anecdote. */
export const DEFAULT_LANDSCAPE_SAMPLES = 5;
/** Largest grid side accepted (a 2000² grid is 4M forward passes; more is a typo). */
export const MAX_LANDSCAPE_SIZE = 2000;

/** Options of {@link renderLandscape}, with documented defaults. */
export interface LandscapeOptions {
  /** Catalog activation names (default {@link DEFAULT_LANDSCAPE_ACTIVATIONS}). */
  activations?: readonly string[];
  /** Seed of the first network; sample k uses seed + k (default 0). */
  seed?: number;
  /** Grid side (default {@link DEFAULT_LANDSCAPE_SIZE}). */
  size?: number;
  /** Networks to average the numbers over (default {@link DEFAULT_LANDSCAPE_SAMPLES}); images show the first. */
  samples?: number;
  /** Folder for the PNGs and `landscape.json`; nothing is written when absent. */
  outDir?: string;
}

/** One activation's landscape. */
export interface ActivationLandscape {
  readonly activation: string;
  readonly title: string;
  /** Numbers of the first network (the one in the image). */
  readonly first: LandscapeSmoothness;
  /** Mean and std over all sampled networks. */
  readonly meanGradient: MeanStd;
  readonly totalVariation: MeanStd;
  readonly meanAbsLaplacian: MeanStd;
  readonly rmsLaplacian: MeanStd;
  readonly flatFraction: MeanStd;
  /** PNG file name inside `outDir`, when written. */
  readonly image: string | null;
}

/** The result, also written as `landscape.json`. */
export interface LandscapeResult {
  readonly schemaVersion: typeof LANDSCAPE_SCHEMA_VERSION;
  readonly layers: readonly number[];
  readonly domain: readonly [number, number];
  readonly size: number;
  readonly seed: number;
  readonly samples: number;
  readonly backend: string;
  readonly landscapes: readonly ActivationLandscape[];
  /**
   * Activations from smoothest to roughest by RMS curvature √(mean (∇²z)²) (mean over samples):
   * it measures how sharp the creases are, which is what the figure compares; mean gradient is
   * lowered by flat dead regions and so favours ReLU for the wrong reason.
   */
  readonly smoothestFirst: readonly string[];
  /** Side-by-side image of all activations (first network), when written. */
  readonly combinedImage: string | null;
}

/**
 * Evaluates the landscapes, writes `<activation>.png`, `landscape.png` (all side by side),
 * `landscape.json` and `landscape.md` to `outDir` when given, and returns the numbers. Runs on the active tfjs
 * backend, or loads the wasm engine (cpu if wasm fails) when none is active.
 *
 * @throws GradproofError GP_INPUT for an unknown activation or a bad size, seed or sample count.
 */
export async function renderLandscape(options: LandscapeOptions = {}): Promise<LandscapeResult> {
  const activations = options.activations ?? DEFAULT_LANDSCAPE_ACTIVATIONS;
  const size = options.size ?? DEFAULT_LANDSCAPE_SIZE;
  const seed = options.seed ?? 0;
  const samples = options.samples ?? DEFAULT_LANDSCAPE_SAMPLES;
  if (!(Number.isInteger(size) && size >= 3 && size <= MAX_LANDSCAPE_SIZE)) {
    throw new GradproofError('GP_INPUT', `size: expected an integer in [3, ${MAX_LANDSCAPE_SIZE}], got ${size}`);
  }
  if (!Number.isInteger(seed)) throw new GradproofError('GP_INPUT', `seed: expected an integer, got ${seed}`);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new GradproofError('GP_INPUT', `samples: expected a positive integer, got ${samples}`);
  if (activations.length === 0) throw new GradproofError('GP_INPUT', 'activations: expected at least one name, got none');
  const compiled = activations.map((name) => tensorActivation({ name, params: {} }));
  if (!isBackendActive()) await loadEngineForLandscape();
  const grid = gridPoints(size);
  const perActivation = compiled.map(() => [] as LandscapeSmoothness[]);
  const firstValues: Float32Array[] = [];
  for (let k = 0; k < samples; k++) {
    const layers = randomMlpWeights(LANDSCAPE_LAYER_SIZES, seed + k);
    for (const [i, act] of compiled.entries()) {
      const values = evaluateMlp(grid, layers, act.apply);
      perActivation[i].push(landscapeSmoothness(values, size));
      if (k === 0) firstValues.push(values);
    }
  }
  grid.dispose();
  const images = compiled.map((a) => (options.outDir === undefined ? null : `${a.name}.png`));
  const landscapes = compiled.map((a, i): ActivationLandscape => ({
    activation: a.name,
    title: a.title,
    first: perActivation[i][0],
    meanGradient: meanStd(perActivation[i].map((s) => s.meanGradient)),
    totalVariation: meanStd(perActivation[i].map((s) => s.totalVariation)),
    meanAbsLaplacian: meanStd(perActivation[i].map((s) => s.meanAbsLaplacian)),
    rmsLaplacian: meanStd(perActivation[i].map((s) => s.rmsLaplacian)),
    flatFraction: meanStd(perActivation[i].map((s) => s.flatFraction)),
    image: images[i],
  }));
  const result: LandscapeResult = {
    schemaVersion: LANDSCAPE_SCHEMA_VERSION,
    layers: LANDSCAPE_LAYER_SIZES,
    domain: LANDSCAPE_DOMAIN,
    size,
    seed,
    samples,
    backend: tf.getBackend(),
    landscapes,
    smoothestFirst: [...landscapes].sort((a, b) => a.rmsLaplacian.mean - b.rmsLaplacian.mean).map((l) => l.activation),
    combinedImage: options.outDir === undefined ? null : 'landscape.png',
  };
  if (options.outDir !== undefined) {
    fs.mkdirSync(options.outDir, { recursive: true });
    const grids = firstValues.map((values) => ({ width: size, height: size, values }));
    grids.forEach((g, i) => writeFileAtomic(path.join(options.outDir as string, `${compiled[i].name}.png`), encodeHeatmapPng([g])));
    writeFileAtomic(path.join(options.outDir, 'landscape.png'), encodeHeatmapPng(grids));
    writeJsonAtomic(path.join(options.outDir, 'landscape.json'), result);
    writeFileAtomic(path.join(options.outDir, 'landscape.md'), formatLandscapeMarkdown(result));
  }
  return result;
}

/** wasm (XNNPACK matrix products, ~50× the pure-JS backend here), else cpu. */
async function loadEngineForLandscape(): Promise<void> {
  try {
    await loadWasmEngine();
  } catch {
    await loadCpuEngine();
  }
}

function isBackendActive(): boolean {
  // tf.engine().backendName is set once a backend has been made current; reading it does not initialise one.
  return tf.engine().backendName != null;
}

/** The grid as an (size², 2) tensor of (x, y); row 0 of the image is the top (y = 10). */
function gridPoints(size: number): tf.Tensor2D {
  const [lo, hi] = LANDSCAPE_DOMAIN;
  const step = (hi - lo) / (size - 1);
  const points = new Float32Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const o = 2 * (r * size + c);
      points[o] = lo + c * step;
      points[o + 1] = hi - r * step;
    }
  }
  return tf.tensor2d(points, [size * size, 2]);
}

/** Output of the network (activation after every layer, the last included) at every grid point. */
function evaluateMlp(grid: tf.Tensor2D, layers: ReturnType<typeof randomMlpWeights>, act: (x: tf.Tensor) => tf.Tensor): Float32Array {
  const out = tf.tidy(() => {
    let h: tf.Tensor = grid;
    for (const layer of layers) {
      const w = tf.tensor2d(layer.weights, [layer.fanIn, layer.fanOut]);
      const b = tf.tensor1d(layer.bias);
      h = act(tf.add(tf.matMul(h as tf.Tensor2D, w), b));
    }
    return h;
  });
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return Float32Array.from(values);
}
