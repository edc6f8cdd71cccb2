/**
 * Sweep presets: which training configurations a sweep runs, and its default budget.
 *
 * `seed-q3` is the source document's Q3: LeakyReLU α ∈ {−1, −0.5, 0, 0.5, 1} and PReLU on
 * MNIST + inverted, plus the identity network on plain MNIST (no inverted copies) to test the
 * document's explanation of α = +1. Extra activations (swish, swish_beta, mish, …) join the same
 * sweep on MNIST + inverted.
 */
import { GradproofError } from '../../symbolic/error.ts';
import { type ActivationSpec, parseActivationSpec } from '../activation-spec.ts';

/** Presets `runSweep` knows. */
export const SWEEP_PRESETS = ['seed-q3'] as const;
export type SweepPreset = (typeof SWEEP_PRESETS)[number];

/** The document's LeakyReLU slopes. */
export const SEED_Q3_ALPHAS: readonly number[] = [-1, -0.5, 0, 0.5, 1];

/** One training run of a sweep. */
export interface SweepConfiguration {
  /** Stable, file-name-safe id, e.g. `leaky-0.5`, `prelu`, `identity-plain`; also the run folder name. */
  readonly id: string;
  /** Human label, e.g. "LeakyReLU α = −0.5". */
  readonly label: string;
  readonly activation: ActivationSpec;
  /** Append inverted copies (false only for the plain-MNIST control). */
  readonly invert: boolean;
}

/**
 * Default epochs of `seed-q3`. Sized so the default sweep (7 runs, 2 workers, the 8,000 + 8,000
 * embedded training images) ends in under 15 minutes on a 2-core machine at the wasm engine's
 * measured ~300–360 img/s per core: 3 epochs × 14,400 images ≈ 2.5 min per run, 4 rounds.
 */
export const SEED_Q3_DEFAULT_EPOCHS = 3;

/** The configurations of `preset`, plus `activations` (catalog names, `NAME[:PARAM]`), in a fixed order. */
export function sweepConfigurations(preset: SweepPreset, activations: readonly string[] = []): SweepConfiguration[] {
  if (!(SWEEP_PRESETS as readonly string[]).includes(preset)) {
    throw new GradproofError('GP_INPUT', `--preset: expected one of ${SWEEP_PRESETS.join(', ')}, got '${preset}'`);
  }
  const configs: SweepConfiguration[] = SEED_Q3_ALPHAS.map((alpha) => ({
    id: `leaky${alpha < 0 ? '-' : '+'}${Math.abs(alpha).toFixed(1)}`,
    label: `LeakyReLU α = ${formatSigned(alpha)}${alpha === -1 ? ' (= abs)' : alpha === 0 ? ' (= ReLU)' : alpha === 1 ? ' (= identity)' : ''}`,
    activation: { name: 'leaky_relu', params: { alpha } },
    invert: true,
  }));
  configs.push({ id: 'prelu', label: 'PReLU (trainable α)', activation: { name: 'prelu', params: {} }, invert: true });
  configs.push({ id: 'identity-plain', label: 'identity, plain MNIST (no inverted copies)', activation: { name: 'identity', params: {} }, invert: false });
  for (const text of activations) {
    const spec = parseActivationSpec(text);
    const id = configId(spec);
    if (configs.some((c) => c.id === id)) throw new GradproofError('GP_INPUT', `--activations: expected each activation once, got '${text}' twice or already in ${preset}`);
    configs.push({ id, label: text, activation: spec, invert: true });
  }
  return configs;
}

/** A file-name-safe id of an extra activation: `swish`, `swish_beta`, `leaky_relu-alpha-0.2`. */
function configId(spec: ActivationSpec): string {
  const params = Object.entries(spec.params).map(([k, v]) => `-${k}${v}`).join('');
  return `${spec.name}${params}`.replace(/[^A-Za-z0-9_.+-]/g, '_');
}

function formatSigned(v: number): string {
  return `${v < 0 ? '−' : v > 0 ? '+' : ''}${Math.abs(v).toFixed(1)}`;
}
