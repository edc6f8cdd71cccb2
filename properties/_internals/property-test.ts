/**
 * Internal (vitest only): declares one property as one test, named `ID: statement`, so that
 * `-t ID` selects it when replaying a failure.
 */
import type fc from 'fast-check';
import { it } from 'vitest';
import { checkProperty } from '../check-property.ts';
import { readPropertySettings } from '../property-settings.ts';

/** Test timeout under a soak (`GRADPROOF_RUNS` set): runs scale freely, so one day; else vitest's default. */
const SOAK_TIMEOUT_MS = 24 * 3600 * 1000;

/** Default runs of properties that evaluate in high precision (a few ms per evaluation). */
export const PRECISE_RUNS = 15;
/** Default runs of properties that evaluate in float64 (microseconds per evaluation). */
export const FLOAT_RUNS = 300;

/**
 * A vitest test running `build()` with {@link checkProperty}.
 * @example propertyTest('sigmoid.symmetry', 'σ(−x) = 1 − σ(x)', () => fc.property(...), PRECISE_RUNS)
 */
export function propertyTest<Ts extends unknown[]>(id: string, statement: string, build: () => fc.IProperty<Ts>, numRuns = PRECISE_RUNS): void {
  const soak = readPropertySettings().runs !== undefined;
  it(`${id}: ${statement}`, () => {
    checkProperty(id, build(), { numRuns });
  }, soak ? SOAK_TIMEOUT_MS : undefined);
}
