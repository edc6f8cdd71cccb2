/**
 * Options of a training run, their documented defaults, and their validation (done before any
 * work starts, with messages naming the option).
 */
import { ENGINE_NAMES, type EngineName } from './engine.ts';
import { GradproofError } from '../symbolic/index.ts';
import { type ActivationSpec, parseActivationSpec } from './activation-spec.ts';
import { DEFAULT_VALIDATION_FRACTION } from './dataset.ts';

/** Optimisers the trainer offers. */
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Default learning rates: Keras's defaults for Adam (0.001) and SGD (0.01). */
export const DEFAULT_LEARNING_RATES: Readonly<Record<OptimizerName, number>> = { adam: 0.001, sgd: 0.01 };
/** Default epochs: enough for this CNN to pass 95% on MNIST + inverted. */
export const DEFAULT_EPOCHS = 10;
/** Default batch size (the benchmark's, and a common Keras choice). */
export const DEFAULT_BATCH_SIZE = 128;
/** Default early-stopping patience in epochs without a better validation loss. */
export const DEFAULT_PATIENCE = 3;

/** Everything a run can be told; only `activation` and `outDir` are required. */
export interface TrainOptions {
  /** `NAME[:PARAM]` (e.g. `leaky:-0.5`) or a parsed spec. */
  activation: string | ActivationSpec;
  /** Run directory (created; must be empty or absent). */
  outDir: string;
  /** `embedded` (default), `fashion` or a folder of MNIST files. */
  data?: string;
  /** Download MNIST first (default false). */
  download?: boolean;
  /** Cache folder for `download`. */
  cacheDir?: string;
  /** Epochs (default {@link DEFAULT_EPOCHS}). */
  epochs?: number;
  /** Batch size (default {@link DEFAULT_BATCH_SIZE}). */
  batchSize?: number;
  /** `adam` (default) or `sgd`. */
  optimizer?: OptimizerName;
  /** Learning rate (default by optimizer, {@link DEFAULT_LEARNING_RATES}). */
  lr?: number;
  /** Seed of initialisation, splits and shuffling (default 0). */
  seed?: number;
  /** At most this many original images in train and in test (default: all). */
  limit?: number;
  /** Engine (`--backend`, default `wasm`). */
  backend?: EngineName;
  /** Early-stopping patience in epochs (default {@link DEFAULT_PATIENCE}); 0 disables early stopping. */
  patience?: number;
  /** Share of training originals held out for validation (default 0.1). */
  validationFraction?: number;
  /** Append inverted copies (default true). */
  invert?: boolean;
}

/** The options with every default filled: what `config.json` records. */
export interface ResolvedTrainConfig {
  activation: ActivationSpec;
  data: string;
  download: boolean;
  /** Cache folder of `download` (null: the default one). */
  cacheDir: string | null;
  epochs: number;
  batchSize: number;
  optimizer: OptimizerName;
  lr: number;
  seed: number;
  limit: number | null;
  backend: EngineName;
  patience: number;
  validationFraction: number;
  invert: boolean;
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new GradproofError('GP_INPUT', `${name}: expected a positive integer, got ${String(v)}`);
  return v;
}

/**
 * Fills defaults and validates.
 *
 * @throws GradproofError GP_INPUT naming the first bad option.
 */
export function resolveTrainOptions(options: TrainOptions): ResolvedTrainConfig {
  if (typeof options.outDir !== 'string' || options.outDir === '') throw new GradproofError('GP_INPUT', `--out: expected a directory path, got ${String(options.outDir)}`);
  if (options.activation === undefined) throw new GradproofError('GP_INPUT', '--activation: expected NAME[:PARAM], got nothing');
  const activation = typeof options.activation === 'string' ? parseActivationSpec(options.activation) : options.activation;
  const optimizer = options.optimizer ?? 'adam';
  if (!(OPTIMIZERS as readonly string[]).includes(optimizer)) throw new GradproofError('GP_INPUT', `--optimizer: expected adam or sgd, got '${optimizer}'`);
  const lr = options.lr ?? DEFAULT_LEARNING_RATES[optimizer];
  if (!(Number.isFinite(lr) && lr > 0)) throw new GradproofError('GP_INPUT', `--lr: expected a positive number, got ${lr}`);
  const backend = options.backend ?? 'wasm';
  if (!(ENGINE_NAMES as readonly string[]).includes(backend)) throw new GradproofError('GP_INPUT', `--backend: expected one of ${ENGINE_NAMES.join(', ')}, got '${backend}'`);
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0) throw new GradproofError('GP_INPUT', `--seed: expected a non-negative integer, got ${seed}`);
  const patience = options.patience ?? DEFAULT_PATIENCE;
  if (!Number.isInteger(patience) || patience < 0) throw new GradproofError('GP_INPUT', `patience: expected a non-negative integer, got ${patience}`);
  const validationFraction = options.validationFraction ?? DEFAULT_VALIDATION_FRACTION;
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new GradproofError('GP_INPUT', `validationFraction: expected a number in (0, 1), got ${validationFraction}`);
  }
  return {
    activation,
    data: options.data ?? 'embedded',
    download: options.download ?? false,
    cacheDir: options.cacheDir ?? null,
    epochs: positiveInteger('--epochs', options.epochs, DEFAULT_EPOCHS),
    batchSize: positiveInteger('--batch-size', options.batchSize, DEFAULT_BATCH_SIZE),
    optimizer,
    lr,
    seed,
    limit: options.limit === undefined ? null : positiveInteger('--limit', options.limit, 1),
    backend,
    patience,
    validationFraction,
    invert: options.invert ?? true,
  };
}
