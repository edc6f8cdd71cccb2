/**
 * The settings every run of a sweep shares, with their defaults; recorded in `sweep.json` so a
 * sweep can be resumed and shards can be checked for compatibility before merging.
 */
import { GradproofError } from '../../symbolic/error.ts';
import type { EngineName } from '../engine.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_PATIENCE, type OptimizerName } from '../train-options.ts';
import { SEED_Q3_DEFAULT_EPOCHS, type SweepPreset } from './sweep-preset.ts';

/** Settings shared by every configuration of a sweep (all defaults filled). */
export interface SweepSettings {
  readonly preset: SweepPreset;
  /** `embedded`, `fashion` or a folder of MNIST files. */
  readonly data: string;
  readonly epochs: number;
  /** Original images per split (null: all). */
  readonly limit: number | null;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  /** Learning rate (null: the optimiser's default). */
  readonly lr: number | null;
  readonly seed: number;
  readonly patience: number;
  readonly backend: EngineName;
  /** Extra activations added to the preset, as given. */
  readonly activations: readonly string[];
}

/** What a caller may set; everything else takes the preset's default. */
export type SweepSettingsInput = Partial<Omit<SweepSettings, 'preset'>> & { readonly preset?: SweepPreset };

/**
 * Fills defaults: `seed-q3` preset, embedded data, {@link SEED_Q3_DEFAULT_EPOCHS} epochs, all
 * images, batch 128, Adam at its default rate, seed 0, patience 3, the wasm engine.
 *
 * @throws GradproofError GP_INPUT naming the first bad setting.
 */
export function resolveSweepSettings(input: SweepSettingsInput): SweepSettings {
  const positive = (name: string, v: number) => {
    if (!(Number.isInteger(v) && v > 0)) throw new GradproofError('GP_INPUT', `${name}: expected a positive integer, got ${v}`);
    return v;
  };
  const settings: SweepSettings = {
    preset: input.preset ?? 'seed-q3',
    data: input.data ?? 'embedded',
    epochs: positive('epochs', input.epochs ?? SEED_Q3_DEFAULT_EPOCHS),
    limit: input.limit === undefined || input.limit === null ? null : positive('limit', input.limit),
    batchSize: positive('batchSize', input.batchSize ?? DEFAULT_BATCH_SIZE),
    optimizer: input.optimizer ?? 'adam',
    lr: input.lr ?? null,
    seed: input.seed ?? 0,
    patience: input.patience ?? DEFAULT_PATIENCE,
    backend: input.backend ?? 'wasm',
    activations: [...(input.activations ?? [])],
  };
  if (settings.lr !== null && !(settings.lr > 0)) throw new GradproofError('GP_INPUT', `lr: expected a positive number, got ${settings.lr}`);
  if (!(Number.isInteger(settings.seed) && settings.seed >= 0)) throw new GradproofError('GP_INPUT', `seed: expected a non-negative integer, got ${settings.seed}`);
  return settings;
}

/**
 * The first setting in which `a` and `b` differ (`backend` excluded: shards may run on different
 * engines), or null when they are compatible.
 */
export function sweepSettingsDifference(a: SweepSettings, b: SweepSettings): string | null {
  const keys = Object.keys(a).filter((k) => k !== 'backend') as (keyof SweepSettings)[];
  for (const key of keys) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return `${key}: ${JSON.stringify(a[key])} vs ${JSON.stringify(b[key])}`;
  }
  return null;
}
