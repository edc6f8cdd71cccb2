import { describe, expect, it } from 'vitest';
import { FLOAT32_MIN_SPACING, FLOAT64_MIN_SPACING, ulp, ulp32, ulpError } from '../../src/numeric/index.ts';

describe('ulp', () => {
  it('is the float64 spacing, exactly, across the range', () => {
    expect(ulp(1)).toBe(2 ** -52);
    expect(ulp(1.5)).toBe(2 ** -52);
    expect(ulp(2)).toBe(2 ** -51);
    expect(ulp(-1024)).toBe(2 ** -42);
    expect(ulp(0)).toBe(FLOAT64_MIN_SPACING);
    expect(ulp(5e-324)).toBe(FLOAT64_MIN_SPACING);
    expect(ulp(2 ** -1022)).toBe(FLOAT64_MIN_SPACING);
    expect(ulp(Number.MAX_VALUE)).toBe(2 ** 971);
    expect(Number.isNaN(ulp(Infinity))).toBe(true);
    for (const x of [0.1, 3, 1e-300, 1e300, 7e-310]) expect(x + ulp(x) > x && x + ulp(x) / 4 === x).toBe(true);
  });

  it('is the float32 spacing', () => {
    expect(ulp32(1)).toBe(2 ** -23);
    expect(ulp32(2 ** 24 - 1)).toBe(1);
    expect(ulp32(1e-45)).toBe(FLOAT32_MIN_SPACING);
    expect(ulp32(2 ** -126)).toBe(2 ** -149);
  });

  it('measures errors in ulps of the reference', () => {
    expect(ulpError(1 + 2 ** -51, 1)).toBe(2);
    expect(ulpError(1, 1)).toBe(0);
    expect(ulpError(NaN, NaN)).toBe(0);
    expect(ulpError(Infinity, 1)).toBe(Infinity);
    expect(ulpError(Math.fround(1.1), 1.1, 'float32')).toBeLessThanOrEqual(0.5);
  });
});
