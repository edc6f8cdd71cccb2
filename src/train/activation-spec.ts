/**
 * Which activation to train with: a catalog name plus fixed parameter values, as written on the
 * command line (`--activation leaky:-0.5`, `--activation prelu`, `--activation swish_beta`).
 */
import { GradproofError } from '../symbolic/index.ts';

/** An activation and its parameter values (fixed ones, or initial values of trainable ones). */
export interface ActivationSpec {
  /** Canonical catalog name, e.g. `leaky_relu`. */
  readonly name: string;
  /** Parameter values by name, e.g. `{ alpha: -0.5 }`; missing ones take the catalog default. */
  readonly params: Readonly<Record<string, number>>;
}

/** Command-line names mapped to catalog names. */
export const ACTIVATION_ALIASES: Readonly<Record<string, string>> = {
  leaky: 'leaky_relu',
  leakyrelu: 'leaky_relu',
  linear: 'identity',
};

/** The activations the trainer supports (catalog names). */
export const TRAINABLE_ACTIVATIONS = ['relu', 'leaky_relu', 'prelu', 'abs', 'identity', 'swish', 'swish_beta', 'mish'] as const;

/** Which parameter a bare `NAME:VALUE` sets. */
const POSITIONAL_PARAM: Readonly<Record<string, string>> = { leaky_relu: 'alpha', prelu: 'alpha', swish_beta: 'beta' };

/**
 * Parses `NAME[:VALUE]` or `NAME:param=VALUE[,param=VALUE]`.
 *
 * @throws GradproofError GP_INPUT for an unknown name or a malformed value, naming the position.
 * @example parseActivationSpec('leaky:-0.5') // { name: 'leaky_relu', params: { alpha: -0.5 } }
 */
export function parseActivationSpec(text: string): ActivationSpec {
  const colon = text.indexOf(':');
  const rawName = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  const name = ACTIVATION_ALIASES[rawName] ?? rawName;
  if (!(TRAINABLE_ACTIVATIONS as readonly string[]).includes(name)) {
    throw new GradproofError('GP_INPUT', `--activation: expected one of ${[...TRAINABLE_ACTIVATIONS, ...Object.keys(ACTIVATION_ALIASES)].join(', ')}, got '${rawName}' (at position 0)`, { position: { offset: 0 } });
  }
  const params: Record<string, number> = {};
  if (colon >= 0) {
    let offset = colon + 1;
    for (const part of text.slice(colon + 1).split(',')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? POSITIONAL_PARAM[name] : part.slice(0, eq).trim();
      const valueText = (eq < 0 ? part : part.slice(eq + 1)).trim();
      if (key === undefined) {
        throw new GradproofError('GP_INPUT', `--activation ${name}: expected no parameter, got '${part}' (at position ${offset})`, { position: { offset } });
      }
      const value = valueText === '' ? Number.NaN : Number(valueText);
      if (!Number.isFinite(value)) {
        throw new GradproofError('GP_INPUT', `--activation ${name}: expected a finite number for ${key}, got '${valueText}' (at position ${offset})`, { position: { offset } });
      }
      params[key] = value;
      offset += part.length + 1;
    }
  }
  return { name, params };
}

/** The spec written back as `NAME[:param=VALUE,…]` (for file names and reports). */
export function formatActivationSpec(spec: ActivationSpec): string {
  const parts = Object.entries(spec.params).map(([k, v]) => `${k}=${v}`);
  return parts.length === 0 ? spec.name : `${spec.name}:${parts.join(',')}`;
}
