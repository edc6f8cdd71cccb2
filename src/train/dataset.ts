/**
 * Datasets for training: where the images come from (`--data`), the seeded splits, and the
 * inverted copies appended as in the source document.
 */
import fs from 'node:fs';
import { GradproofError } from '../symbolic/index.ts';
import { downloadMnist } from './download-mnist.ts';
import { loadEmbeddedMnist } from './embedded-mnist.ts';
import { loadMnistFolder } from './mnist-files.ts';
import { seededRandom } from '../numeric/index.ts';
import { type Split, randomSplit, sampleRows, withInverted } from './split.ts';

/** Debian's dataset-fashion-mnist package installs the four IDX files (gzip) here. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
/** Share of the embedded digits held out as the test set (8,000 train / 2,000 test). */
export const EMBEDDED_TEST_FRACTION = 0.2;
/** Seed of the embedded train/test split: fixed so every run and every sweep shares one test set. */
export const EMBEDDED_SPLIT_SEED = 20_190_101;
/** Default share of the training originals held out for validation (early stopping, checkpoints). */
export const DEFAULT_VALIDATION_FRACTION = 0.1;

/** Options of {@link loadDataset}, with documented defaults. */
export interface DatasetOptions {
  /** `embedded` (default): the 10,000 digits of the `mnist` package; `fashion`: Debian's Fashion-MNIST; otherwise a folder of MNIST-format files. */
  data?: string;
  /** Fetch MNIST into `cacheDir` first and train on it (default false). */
  download?: boolean;
  /** Cache folder for `download`. */
  cacheDir?: string;
  /** Append inverted copies (x → 1 − x) to every split (default true, as in the source document). */
  invert?: boolean;
  /** Use at most this many original images (a seeded random sample) in train and in test (default: all). */
  limit?: number;
  /** Share of the training originals used for validation (default {@link DEFAULT_VALIDATION_FRACTION}). */
  validationFraction?: number;
  /** Seed of the validation split and the `limit` sample (default 0). */
  seed?: number;
  /** Injected fetch for `download` (tests). */
  fetchImpl?: typeof fetch;
}

/** A loaded dataset: three splits plus where they came from. */
export interface Dataset {
  /** e.g. `embedded`, `fashion`, or the folder path. */
  readonly name: string;
  /** Human description of the source and split. */
  readonly description: string;
  readonly train: Split;
  readonly validation: Split;
  readonly test: Split;
  readonly classes: number;
  readonly inverted: boolean;
}

/**
 * Loads a dataset, splits it (validation split by original image, so an image and its inverted
 * copy are always on the same side) and appends inverted copies.
 *
 * @throws GradproofError GP_INPUT for bad options, GP_NOT_FOUND / GP_CORRUPT for missing or bad files.
 */
export async function loadDataset(options: DatasetOptions = {}): Promise<Dataset> {
  const data = options.data ?? 'embedded';
  const invert = options.invert ?? true;
  const fraction = options.validationFraction ?? DEFAULT_VALIDATION_FRACTION;
  if (!(fraction >= 0 && fraction < 1)) throw new GradproofError('GP_INPUT', `validationFraction: expected a number in [0, 1), got ${fraction}`);
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit > 0)) {
    throw new GradproofError('GP_INPUT', `limit: expected a positive integer, got ${options.limit}`);
  }
  let raw: { train: Split; test: Split };
  let name = data;
  let description: string;
  if (options.download === true) {
    const dir = await downloadMnist({ cacheDir: options.cacheDir, fetchImpl: options.fetchImpl });
    raw = loadMnistFolder(dir);
    name = 'mnist';
    description = `MNIST downloaded to ${dir}`;
  } else if (data === 'embedded') {
    const all = loadEmbeddedMnist();
    const [train, test] = randomSplit(all, EMBEDDED_TEST_FRACTION, seededRandom(EMBEDDED_SPLIT_SEED));
    raw = { train, test };
    description = `embedded MNIST (${all.count} digits of the mnist package, seeded split ${train.count}/${test.count})`;
  } else if (data === 'fashion') {
    if (!fs.existsSync(FASHION_MNIST_DIR)) {
      throw new GradproofError('GP_NOT_FOUND', `--data fashion: expected Debian's dataset-fashion-mnist in ${FASHION_MNIST_DIR}, got no such folder (apt install dataset-fashion-mnist)`);
    }
    raw = loadMnistFolder(FASHION_MNIST_DIR);
    description = `Fashion-MNIST (${FASHION_MNIST_DIR})`;
  } else {
    raw = loadMnistFolder(data);
    description = `MNIST-format files in ${data}`;
  }
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const random = seededRandom(options.seed ?? 0);
  const [train, validation] = randomSplit(sampleRows(raw.train, limit, random), fraction, random);
  const test = sampleRows(raw.test, limit, random);
  const finish = (s: Split) => (invert ? withInverted(s) : s);
  return {
    name,
    description: `${description}${invert ? ', + inverted copies' : ''}`,
    train: finish(train),
    validation: finish(validation),
    test: finish(test),
    classes: 10,
    inverted: invert,
  };
}
