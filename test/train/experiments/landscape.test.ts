import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeHeatmapPng, landscapeSmoothness, randomMlpWeights, renderLandscape, viridis } from '../../../src/train/experiments/index.ts';

/** matplotlib's viridis table (`matplotlib.cm.viridis(t)[:3]`) at five points. */
const MATPLOTLIB_VIRIDIS: readonly [number, [number, number, number]][] = [
  [0, [0.267004, 0.004874, 0.329415]],
  [0.25, [0.229739, 0.322361, 0.545706]],
  [0.5, [0.127568, 0.566949, 0.550556]],
  [0.75, [0.369214, 0.788888, 0.382914]],
  [1, [0.993248, 0.906157, 0.143936]],
];

function grid(side: number, f: (x: number, y: number) => number): Float64Array {
  const v = new Float64Array(side * side);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) v[r * side + c] = f(c / (side - 1), r / (side - 1));
  return v;
}

describe('viridis', () => {
  it.each(MATPLOTLIB_VIRIDIS)('matches matplotlib at t = %s within 0.02 per channel', (t, rgb) => {
    const ours = viridis(t).map((c) => c / 255);
    ours.forEach((c, i) => expect(Math.abs(c - rgb[i])).toBeLessThan(0.02));
  });
  it('clamps outside [0, 1] and maps NaN to the low end', () => {
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
  });
});

describe('landscapeSmoothness', () => {
  it('is zero for a constant surface', () => {
    const s = landscapeSmoothness(grid(20, () => 3), 20);
    expect([s.meanGradient, s.totalVariation, s.meanAbsLaplacian, s.rmsLaplacian]).toEqual([0, 0, 0, 0]);
    expect(s.flatFraction).toBe(1);
  });
  it('gives |∇z| = 1, TV = 1 and no curvature for the plane z = x', () => {
    const s = landscapeSmoothness(grid(50, (x) => 7 * x - 2), 50);
    expect(s.meanGradient).toBeCloseTo(1, 10);
    expect(s.totalVariation).toBeCloseTo(1, 10);
    expect(s.meanAbsLaplacian).toBeLessThan(1e-9);
    expect(s.flatFraction).toBe(0);
  });
  it('scores a crease (|x − ½|) as sharper than a smooth bowl of the same range, though it bends less in total', () => {
    const crease = landscapeSmoothness(grid(101, (x) => Math.abs(x - 0.5)), 101);
    const smooth = landscapeSmoothness(grid(101, (x) => (x - 0.5) ** 2), 101);
    expect(crease.rmsLaplacian).toBeGreaterThan(3 * smooth.rmsLaplacian);
    expect(crease.meanAbsLaplacian).toBeLessThan(smooth.meanAbsLaplacian);
  });
  it('refuses a grid whose size does not match', () => {
    expect(() => landscapeSmoothness(new Float64Array(10), 4)).toThrow(/square grid/);
  });
});

describe('encodeHeatmapPng', () => {
  it('draws grids side by side with a white gap, lowest value dark purple, highest yellow', () => {
    const a = { width: 3, height: 2, values: [0, 1, 2, 3, 4, 5] };
    const png = PNG.sync.read(encodeHeatmapPng([a, a]));
    expect(png.width).toBe(3 + 8 + 3);
    expect(png.height).toBe(2);
    const pixel = (x: number, y: number) => [...png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3)];
    expect(pixel(0, 0)).toEqual([...viridis(0)]);
    expect(pixel(2, 1)).toEqual([...viridis(1)]);
    expect(pixel(4, 0)).toEqual([255, 255, 255]);
    expect(pixel(3 + 8 + 2, 1)).toEqual([...viridis(1)]);
  });
  it('refuses grids of different heights', () => {
    expect(() => encodeHeatmapPng([{ width: 1, height: 1, values: [0] }, { width: 1, height: 2, values: [0, 1] }])).toThrow(/rows high/);
  });
});

describe('randomMlpWeights', () => {
  it('is deterministic per seed and has the 2 → 64 → 32 → 16 → 1 shapes', () => {
    const a = randomMlpWeights([2, 64, 32, 16, 1], 5);
    const b = randomMlpWeights([2, 64, 32, 16, 1], 5);
    const c = randomMlpWeights([2, 64, 32, 16, 1], 6);
    expect(a.map((l) => l.weights.length)).toEqual([128, 2048, 512, 16]);
    expect(a[1].weights).toEqual(b[1].weights);
    expect(a[1].weights).not.toEqual(c[1].weights);
  });
});

describe('renderLandscape', () => {
  it('writes one PNG per activation, the strip, JSON and Markdown, and ranks by RMS Laplacian', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-landscape-'));
    const result = await renderLandscape({ activations: ['relu', 'mish', 'swish'], size: 48, samples: 2, seed: 3, outDir: out });
    for (const name of ['relu.png', 'mish.png', 'swish.png']) {
      const png = PNG.sync.read(fs.readFileSync(path.join(out, name)));
      expect([png.width, png.height]).toEqual([48, 48]);
    }
    expect(PNG.sync.read(fs.readFileSync(path.join(out, 'landscape.png'))).width).toBe(3 * 48 + 2 * 8);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'landscape.json'), 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json.landscapes.map((l: { activation: string }) => l.activation)).toEqual(['relu', 'mish', 'swish']);
    expect(fs.readFileSync(path.join(out, 'landscape.md'), 'utf8')).toContain('| Mish |');
    expect([...result.smoothestFirst].sort()).toEqual(['mish', 'relu', 'swish']);
    const curvature = result.smoothestFirst.map((n) => result.landscapes.find((l) => l.activation === n)!.rmsLaplacian.mean);
    expect([...curvature].sort((x, y) => x - y)).toEqual(curvature);
    for (const l of result.landscapes) expect(l.meanGradient.n).toBe(2);
  });
  it('gives the same numbers for the same seed', async () => {
    const a = await renderLandscape({ activations: ['swish'], size: 16, samples: 1, seed: 9 });
    const b = await renderLandscape({ activations: ['swish'], size: 16, samples: 1, seed: 9 });
    expect(a.landscapes[0].first).toEqual(b.landscapes[0].first);
  });
  it('refuses an unknown activation and a bad size with GP_INPUT', async () => {
    await expect(renderLandscape({ activations: ['nope'], size: 16 })).rejects.toMatchObject({ code: 'GP_INPUT' });
    await expect(renderLandscape({ size: 2 })).rejects.toMatchObject({ code: 'GP_INPUT' });
  });
});
