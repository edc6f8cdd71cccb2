/**
 * A property ready to run in any test framework: an id (for replaying), a title (for the
 * framework's test name, starting with the id so that `-t ID` selects it) and `run`, which
 * throws a {@link PropertyFailure} naming the seed and path when the property fails.
 */
import type fc from 'fast-check';
import { checkProperty } from './check-property.ts';

/** One runnable property. */
export interface PropertyCase {
  /** Stable id, e.g. `elu.derivative`; `GRADPROOF_PROPERTY` takes it. */
  readonly id: string;
  /** `id: statement`, meant as the test name. */
  readonly title: string;
  /** Runs the property; throws on failure. Use as a test body: `it(p.title, p.run)`. */
  readonly run: () => void;
}

/** Builds a {@link PropertyCase}; the property itself is built lazily, when `run` is called. */
export function propertyCase<Ts extends unknown[]>(id: string, statement: string, build: () => fc.IProperty<Ts>, numRuns?: number): PropertyCase {
  return {
    id,
    title: `${id}: ${statement}`,
    run: () => checkProperty(id, build(), numRuns === undefined ? {} : { numRuns }),
  };
}
