/**
 * Runs one fast-check property under gradproof's settings and, when it fails, throws an error
 * that says how to replay it: the property id, the seed, the path, the shrunk counterexample and
 * the environment variables to set. The original error is kept as the cause.
 */
import fc from 'fast-check';
import { readPropertySettings, type PropertySettings } from './property-settings.ts';

/** Options of {@link checkProperty}. */
export interface CheckPropertyOptions {
  /** Runs when `GRADPROOF_RUNS` is not set (default 100, fast-check's own default). */
  readonly numRuns?: number;
  /** Settings to use instead of reading the environment (tests of this module use it). */
  readonly settings?: PropertySettings;
  /** Extra fast-check parameters (e.g. `examples`). Seed, path and numRuns are set here. */
  readonly parameters?: Omit<fc.Parameters<unknown>, 'seed' | 'path' | 'numRuns'>;
}

/** Runs fast-check uses when neither the property nor `GRADPROOF_RUNS` says otherwise. */
const DEFAULT_RUNS = 100;

/** A failed property, with everything needed to replay it. */
export class PropertyFailure extends Error {
  constructor(
    readonly property: string,
    readonly seed: number,
    readonly path: string | null,
    readonly counterexample: unknown,
    message: string,
    cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'PropertyFailure';
  }
}

/**
 * Checks `property` (`fc.property(...)`), identified by `id` for replaying.
 *
 * @throws PropertyFailure naming the seed and path, with the replay command.
 * @example
 * checkProperty('sigmoid.symmetry', fc.property(fc.double(), (x) => ...), { numRuns: 50 });
 */
export function checkProperty<Ts extends unknown[]>(id: string, property: fc.IProperty<Ts>, options: CheckPropertyOptions = {}): void {
  const settings = options.settings ?? readPropertySettings();
  const targeted = settings.property === undefined || settings.property === id;
  const numRuns = settings.runs ?? options.numRuns ?? DEFAULT_RUNS;
  const parameters: fc.Parameters<Ts> = {
    ...(options.parameters as fc.Parameters<Ts> | undefined),
    numRuns,
    ...(targeted && settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(targeted && settings.path !== undefined ? { path: settings.path } : {}),
  };
  const details = fc.check(property, parameters);
  if (!details.failed) return;
  throw new PropertyFailure(id, details.seed, details.counterexamplePath, details.counterexample, failureMessage(id, details, numRuns), details.errorInstance);
}

function failureMessage<Ts>(id: string, details: fc.RunDetails<Ts>, numRuns: number): string {
  const path = details.counterexamplePath ?? '';
  const counterexample = details.counterexample === null ? '(none: the run was interrupted)' : fc.stringify(details.counterexample);
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const replay = [`GRADPROOF_PROPERTY='${id}'`, `GRADPROOF_SEED=${details.seed}`, ...(path ? [`GRADPROOF_PATH=${path}`] : [])].join(' ');
  return [
    `property '${id}' failed after ${details.numRuns} of ${numRuns} runs (${details.numShrinks} shrinks)`,
    `seed: ${details.seed}, path: "${path}"`,
    `counterexample: ${counterexample}`,
    `reason: ${reason}`,
    `replay: ${replay} npx vitest run <this test file> -t '${id}'`,
  ].join('\n');
}
