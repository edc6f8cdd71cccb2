import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { encodeIdx, parseIdx, readIdxImages, readIdxLabels } from '../../src/train/idx.ts';
import { loadEmbeddedMnist } from '../../src/train/embedded-mnist.ts';
import { loadIdxSplit } from '../../src/train/mnist-files.ts';

let dir: string;
const N = 50;
let pixels: Uint8Array;
let labels: Uint8Array;

/** Expects `fn` to throw GP_CORRUPT mentioning every fragment. */
function expectCorrupt(fn: () => unknown, ...fragments: string[]): void {
  try {
    fn();
  } catch (error) {
    expect(isGradproofError(error, 'GP_CORRUPT')).toBe(true);
    for (const f of fragments) expect((error as Error).message).toContain(f);
    return;
  }
  throw new Error('expected a GP_CORRUPT error');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-idx-'));
  const digits = loadEmbeddedMnist();
  // Real digits: one of every fifth image so several classes are present.
  pixels = new Uint8Array(N * 784);
  labels = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const j = (i * 197) % digits.count;
    for (let p = 0; p < 784; p++) pixels[i * 784 + p] = Math.round(digits.images[j * 784 + p] * 255);
    labels[i] = digits.labels[j];
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('IDX reader', () => {
  it('round-trips real digits, raw and gzip', () => {
    for (const gzip of [false, true]) {
      const imgFile = write(`img-${gzip}`, encodeIdx([N, 28, 28], pixels, gzip));
      const lblFile = write(`lbl-${gzip}`, encodeIdx([N], labels, gzip));
      const img = readIdxImages(imgFile);
      expect([img.count, img.rows, img.cols]).toEqual([N, 28, 28]);
      expect(Buffer.from(img.pixels).equals(Buffer.from(pixels))).toBe(true);
      expect(Array.from(readIdxLabels(lblFile))).toEqual(Array.from(labels));
      const split = loadIdxSplit(imgFile, lblFile);
      expect(split.images[100]).toBeCloseTo(pixels[100] / 255, 6);
    }
    expect(new Set(labels).size).toBeGreaterThan(3);
  });

  it('refuses a bad magic number, naming the file and position', () => {
    const bytes = encodeIdx([N], labels);
    bytes[1] = 0x12;
    const file = write('bad-magic', bytes);
    expectCorrupt(() => readIdxLabels(file), file, 'magic', '0x12', 'position 0');
  });

  it('refuses a non-byte element type', () => {
    const bytes = encodeIdx([N], labels);
    bytes[2] = 0x0d;
    expectCorrupt(() => parseIdx(bytes, 'x.idx'), 'x.idx', 'element type', '0x0d');
  });

  it('refuses the wrong number of dimensions (labels file given as images)', () => {
    const file = write('lbl-as-img', encodeIdx([N], labels));
    expectCorrupt(() => readIdxImages(file), 'expected 3 dimensions, got 1');
  });

  it('refuses truncated data and trailing bytes', () => {
    const full = encodeIdx([N, 28, 28], pixels);
    const truncated = write('truncated', full.subarray(0, full.length - 10));
    expectCorrupt(() => readIdxImages(truncated), truncated, 'truncated', `${N * 784}`);
    const longer = write('longer', Buffer.concat([full, new Uint8Array(3)]));
    expectCorrupt(() => readIdxImages(longer), 'trailing bytes');
    expectCorrupt(() => parseIdx(new Uint8Array([0, 0]), 'tiny'), 'at least a 4-byte header');
    expectCorrupt(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0]), 'short-header'), '16-byte header');
  });

  it('refuses a corrupt gzip stream', () => {
    const gz = encodeIdx([N], labels, true);
    const broken = write('broken.gz', gz.subarray(0, gz.length - 8));
    expectCorrupt(() => readIdxLabels(broken), broken, 'gzip');
  });

  it('refuses labels out of range and count mismatches', () => {
    const bad = labels.slice();
    bad[7] = 10;
    const file = write('bad-labels', encodeIdx([N], bad));
    expectCorrupt(() => readIdxLabels(file), 'labels 0–9', 'got 10', 'label 7');
    const imgFile = write('img-n', encodeIdx([N, 28, 28], pixels));
    const fewer = write('lbl-fewer', encodeIdx([N - 1], labels.subarray(0, N - 1)));
    expectCorrupt(() => loadIdxSplit(imgFile, fewer), `(${N})`, `got ${N - 1}`);
  });

  it('reports a missing file as GP_NOT_FOUND', () => {
    expect(() => readIdxLabels(path.join(dir, 'nope'))).toThrow(/ENOENT/);
  });
});
