import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/symbolic/index.ts';
import { formatReport, gradcheckEntry } from '../../src/gradcheck/index.ts';

/** Points per function and dtype (the bar). */
const POINTS = 10_000;
/** Activations are checked out to ±700 (exp(±700) is near float64's limits); losses over their usual ±20 logits. */
const ACTIVATION_RANGE: [number, number] = [-700, 700];
const LOSS_RANGE: [number, number] = [-20, 20];

describe('every catalog derivative passes (zero false failures)', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const entry of builtinCatalog().entries) {
      it(`${entry.name} in ${dtype} over ${POINTS} points including extremes`, () => {
        const report = gradcheckEntry(entry, { dtype, points: POINTS, range: entry.kind === 'activation' ? ACTIVATION_RANGE : LOSS_RANGE });
        expect(report.failureCount, formatReport(report)).toBe(0);
        expect(report.status).toBe('pass');
        // duplicates after rounding to float32 are merged, and points where f is undefined are skipped
        expect(report.checked + report.undefinedPoints).toBeGreaterThan(dtype === 'float64' ? 0.99 * POINTS : 0.7 * POINTS);
        expect(report.undefinedPoints).toBeLessThan(0.01 * POINTS);
      });
    }
  }
});
