/**
 * A folder holding the four standard MNIST-format files (MNIST, Fashion-MNIST), each raw or
 * gzip-compressed: `train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`,
 * `t10k-images-idx3-ubyte[.gz]`, `t10k-labels-idx1-ubyte[.gz]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GradproofError } from '../symbolic/index.ts';
import { readIdxImages, readIdxLabels } from './idx.ts';
import type { Split } from './split.ts';

/** The four file stems of the MNIST format. */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Largest grey level of an IDX byte image. */
const GREY_MAX = 255;

/** The path of `stem` in `dir`, raw preferred over `.gz`. */
export function findMnistFile(dir: string, stem: string): string {
  for (const name of [stem, `${stem}.gz`]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new GradproofError('GP_NOT_FOUND', `MNIST folder ${dir}: expected ${stem} or ${stem}.gz, got neither`);
}

/** Loads one split (images + labels), checking that their counts agree. */
export function loadIdxSplit(imagesFile: string, labelsFile: string): Split {
  const img = readIdxImages(imagesFile);
  const labels = readIdxLabels(labelsFile);
  if (labels.length !== img.count) {
    throw new GradproofError('GP_CORRUPT', `IDX files ${imagesFile} and ${labelsFile}: expected as many labels as images (${img.count}), got ${labels.length}`, { position: { file: labelsFile } });
  }
  const images = new Float32Array(img.pixels.length);
  for (let i = 0; i < images.length; i++) images[i] = img.pixels[i] / GREY_MAX;
  return { count: img.count, rows: img.rows, cols: img.cols, images, labels };
}

/** Loads the train and test splits from an MNIST-format folder. */
export function loadMnistFolder(dir: string): { train: Split; test: Split } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new GradproofError('GP_NOT_FOUND', `MNIST folder: expected a directory, got ${dir} (missing or not a folder)`);
  }
  const f = (stem: string) => findMnistFile(dir, stem);
  const train = loadIdxSplit(f(MNIST_FILES.trainImages), f(MNIST_FILES.trainLabels));
  const test = loadIdxSplit(f(MNIST_FILES.testImages), f(MNIST_FILES.testLabels));
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new GradproofError('GP_CORRUPT', `MNIST folder ${dir}: expected train and test images of one size, got ${train.rows}×${train.cols} and ${test.rows}×${test.cols}`);
  }
  return { train, test };
}
