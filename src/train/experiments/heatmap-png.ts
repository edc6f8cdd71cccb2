/**
 * Heat-map images: a grid of numbers coloured with {@link viridis} and encoded as PNG (pngjs).
 */
import { PNG } from 'pngjs';
import { GradproofError } from '../../symbolic/error.ts';
import { viridis } from './viridis.ts';

/** A row-major grid of values; row 0 is drawn at the top. */
export interface ValueGrid {
  readonly width: number;
  readonly height: number;
  readonly values: ArrayLike<number>;
}

/** White gap between panels of a strip, in pixels. */
export const STRIP_GAP_PX = 8;

/**
 * Encodes grids side by side (left to right, separated by {@link STRIP_GAP_PX} white columns)
 * as one PNG; each grid is min–max normalised on its own, then coloured with viridis.
 *
 * @throws GradproofError GP_INPUT when grids differ in height or a grid's size does not match its values.
 */
export function encodeHeatmapPng(grids: readonly ValueGrid[]): Buffer {
  if (grids.length === 0) throw new GradproofError('GP_INPUT', 'heat map: expected at least one grid, got none');
  const height = grids[0].height;
  for (const [i, g] of grids.entries()) {
    if (g.height !== height) throw new GradproofError('GP_INPUT', `heat map: expected every grid ${height} rows high, got ${g.height} (at grid ${i})`);
    if (g.values.length !== g.width * g.height) {
      throw new GradproofError('GP_INPUT', `heat map: expected ${g.width}×${g.height} = ${g.width * g.height} values, got ${g.values.length} (at grid ${i})`);
    }
  }
  const width = grids.reduce((sum, g) => sum + g.width, 0) + STRIP_GAP_PX * (grids.length - 1);
  const png = new PNG({ width, height });
  png.data.fill(255);
  let left = 0;
  for (const g of grids) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < g.values.length; i++) {
      const v = g.values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi > lo ? hi - lo : 1;
    for (let r = 0; r < g.height; r++) {
      for (let c = 0; c < g.width; c++) {
        const [red, green, blue] = viridis((g.values[r * g.width + c] - lo) / span);
        const o = 4 * (r * width + left + c);
        png.data[o] = red;
        png.data[o + 1] = green;
        png.data[o + 2] = blue;
        png.data[o + 3] = 255;
      }
    }
    left += g.width + STRIP_GAP_PX;
  }
  return PNG.sync.write(png);
}
