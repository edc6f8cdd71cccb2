import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { FASHION_MNIST_DIR, loadDataset } from '../../src/train/dataset.ts';
import { loadEmbeddedMnist } from '../../src/train/embedded-mnist.ts';
import { encodeIdx } from '../../src/train/idx.ts';
import { MNIST_FILES } from '../../src/train/mnist-files.ts';

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('datasets', () => {
  it('embedded: 10,000 real digits, seeded 8,000/2,000 split, inverted copies appended', async () => {
    const all = loadEmbeddedMnist();
    expect(all.count).toBe(10_000);
    const counts = new Array(10).fill(0);
    all.labels.forEach((l) => counts[l]++);
    expect(Math.min(...counts)).toBeGreaterThan(800);
    const ds = await loadDataset({ data: 'embedded', validationFraction: 0.1 });
    expect(ds.train.count + ds.validation.count).toBe(2 * 8000);
    expect(ds.validation.count).toBe(2 * 800);
    expect(ds.test.count).toBe(2 * 2000);
    const half = ds.test.count / 2;
    const px = 784 * 3 + 400;
    expect(ds.test.images[half * 784 + px]).toBeCloseTo(1 - ds.test.images[px], 6);
    expect(ds.test.labels[half + 3]).toBe(ds.test.labels[3]);
    const again = await loadDataset({ data: 'embedded', validationFraction: 0.1 });
    expect(Buffer.from(again.test.images.buffer).equals(Buffer.from(ds.test.images.buffer))).toBe(true);
  });

  it('limit takes a seeded sample with every class, not the first class only', async () => {
    const ds = await loadDataset({ data: 'embedded', limit: 300, invert: false, seed: 3 });
    expect(ds.train.count + ds.validation.count).toBe(300);
    expect(new Set(ds.train.labels).size).toBe(10);
    const other = await loadDataset({ data: 'embedded', limit: 300, invert: false, seed: 4 });
    expect(Buffer.from(other.train.labels).equals(Buffer.from(ds.train.labels))).toBe(false);
  });

  it('a folder of the four MNIST files (gzip) loads; a missing file is named', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-mnist-'));
    tmpDirs.push(dir);
    const all = loadEmbeddedMnist();
    const bytes = (from: number, n: number) => Uint8Array.from(all.images.subarray(from * 784, (from + n) * 784), (v) => Math.round(v * 255));
    fs.writeFileSync(path.join(dir, `${MNIST_FILES.trainImages}.gz`), encodeIdx([100, 28, 28], bytes(0, 100), true));
    fs.writeFileSync(path.join(dir, `${MNIST_FILES.trainLabels}.gz`), encodeIdx([100], all.labels.subarray(0, 100), true));
    fs.writeFileSync(path.join(dir, MNIST_FILES.testImages), encodeIdx([20, 28, 28], bytes(5000, 20)));
    await expect(loadDataset({ data: dir })).rejects.toThrow(/t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte\.gz/);
    fs.writeFileSync(path.join(dir, MNIST_FILES.testLabels), encodeIdx([20], all.labels.subarray(5000, 5020)));
    const ds = await loadDataset({ data: dir, validationFraction: 0.2 });
    expect(ds.train.count).toBe(160);
    expect(ds.test.count).toBe(40);
  });

  it('fashion: Debian Fashion-MNIST, full size', async () => {
    if (!fs.existsSync(FASHION_MNIST_DIR)) {
      await expect(loadDataset({ data: 'fashion' })).rejects.toThrow(/dataset-fashion-mnist/);
      return;
    }
    const ds = await loadDataset({ data: 'fashion', invert: false, validationFraction: 0 });
    expect(ds.train.count).toBe(60_000);
    expect(ds.test.count).toBe(10_000);
  });

  it('--download without a network fails with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-dl-'));
    tmpDirs.push(dir);
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    };
    const attempt = loadDataset({ download: true, cacheDir: dir, fetchImpl: offline });
    await expect(attempt).rejects.toSatisfy((e: unknown) => isGradproofError(e, 'GP_INPUT'));
    await expect(attempt).rejects.toThrow(/train-images-idx3-ubyte\.gz to be reachable, got fetch failed \(ENOTFOUND\).*--data DIR/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('bad options are refused', async () => {
    await expect(loadDataset({ limit: 0 })).rejects.toThrow(/limit: expected a positive integer, got 0/);
    await expect(loadDataset({ validationFraction: 1 })).rejects.toThrow(/validationFraction/);
    await expect(loadDataset({ data: '/nonexistent/dir' })).rejects.toThrow(/expected a directory/);
  });
});
