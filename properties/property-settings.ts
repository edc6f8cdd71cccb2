/**
 * How property runs are configured from the environment: the one place that reads
 * `GRADPROOF_RUNS`, `GRADPROOF_SEED`, `GRADPROOF_PATH` and `GRADPROOF_PROPERTY`.
 *
 * - `GRADPROOF_RUNS=N` sets the number of runs of every property (default: each property's own,
 *   chosen so that the default suite stays fast); raise it for a longer soak.
 * - `GRADPROOF_SEED=S` fixes the seed; with `GRADPROOF_PROPERTY=ID` only for that property,
 *   otherwise for all.
 * - `GRADPROOF_PATH=P` (needs `GRADPROOF_PROPERTY`) replays one failure: fast-check jumps straight
 *   to the shrunk counterexample at that path.
 */
import { GradproofError } from '../src/symbolic/index.ts';

/** The resolved settings. `undefined` fields mean "fast-check's default". */
export interface PropertySettings {
  readonly runs?: number;
  readonly seed?: number;
  readonly path?: string;
  /** Id of the property that `seed`/`path` target; undefined: the seed applies to all. */
  readonly property?: string;
}

/** Upper limit of `GRADPROOF_RUNS`: beyond it a single suite runs for hours. */
const MAX_RUNS = 1_000_000;

/** A fast-check path: numbers separated by colons. */
const PATH_PATTERN = /^\d+(:\d+)*$/;

/**
 * Reads the settings from `env` (default `process.env`).
 * @throws GradproofError GP_INPUT naming the variable when a value is malformed.
 */
export function readPropertySettings(env: Readonly<Record<string, string | undefined>> = process.env): PropertySettings {
  const runsText = env.GRADPROOF_RUNS?.trim();
  const seedText = env.GRADPROOF_SEED?.trim();
  const path = env.GRADPROOF_PATH?.trim() || undefined;
  const property = env.GRADPROOF_PROPERTY?.trim() || undefined;
  let runs: number | undefined;
  if (runsText) {
    runs = Number(runsText);
    if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
      throw new GradproofError('GP_INPUT', `GRADPROOF_RUNS: expected an integer from 1 to ${MAX_RUNS}, got '${runsText}'`);
    }
  }
  let seed: number | undefined;
  if (seedText) {
    seed = Number(seedText);
    if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) {
      throw new GradproofError('GP_INPUT', `GRADPROOF_SEED: expected a 32-bit integer, got '${seedText}'`);
    }
  }
  if (path !== undefined && !PATH_PATTERN.test(path)) {
    throw new GradproofError('GP_INPUT', `GRADPROOF_PATH: expected numbers separated by ':' (e.g. 3:0:1), got '${path}'`);
  }
  if (path !== undefined && property === undefined) {
    throw new GradproofError('GP_INPUT', 'GRADPROOF_PATH: expected GRADPROOF_PROPERTY too (a path replays one property), got none');
  }
  return { ...(runs ? { runs } : {}), ...(seed !== undefined ? { seed } : {}), ...(path ? { path } : {}), ...(property ? { property } : {}) };
}
