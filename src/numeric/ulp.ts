/**
 * Units in the last place: the spacing of floating-point numbers at a value, in float64 and
 * float32, and error measured in those units.
 *
 * Method: the spacing at x is 2^(e − p + 1) where e is x's binary exponent and p the precision
 * (53 or 24 bits); below the normal range it is the smallest subnormal. In float64 the exponent
 * is read from the bits; in float32 it comes from Math.log2 and is then corrected, so both are exact.
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high 32-bit word of a float64 on this (little-endian) platform. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Smallest positive subnormal float64, 2^−1074: the spacing below 2^−1022. */
export const FLOAT64_MIN_SPACING = 2 ** -1074;
/** Smallest positive subnormal float32, 2^−149: the spacing below 2^−126. */
export const FLOAT32_MIN_SPACING = 2 ** -149;
/** Unit roundoff of float64, 2^−53 (half the spacing at 1). */
export const FLOAT64_UNIT_ROUNDOFF = 2 ** -53;
/** Unit roundoff of float32, 2^−24. */
export const FLOAT32_UNIT_ROUNDOFF = 2 ** -24;

/**
 * The float64 spacing at `x`: the distance from |x| to the next larger double
 * (2^−1074 at 0 and below 2^−1022, NaN for NaN and ±Infinity).
 * @example ulp(1) // 2.220446049250313e-16
 */
export function ulp(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  F64[0] = x;
  const exponent = (U32[HI]! >>> 20) & 0x7ff;
  return exponent === 0 ? FLOAT64_MIN_SPACING : 2 ** (exponent - 1075);
}

/**
 * The float32 spacing at `x` (after rounding x to float32).
 * @example ulp32(1) // 1.1920928955078125e-7
 */
export function ulp32(x: number): number {
  const f = Math.abs(Math.fround(x));
  if (!Number.isFinite(f)) return NaN;
  if (f < 2 ** -126) return FLOAT32_MIN_SPACING;
  let e = Math.floor(Math.log2(f));
  // log2 may be off by one next to powers of two: correct it exactly.
  if (2 ** e > f) e -= 1;
  else if (2 ** (e + 1) <= f) e += 1;
  return 2 ** (e - 23);
}

/**
 * |value − reference| in units of the spacing at `reference` (float64 or float32).
 * Equal values (including equal infinities and two NaNs) give 0; one non-finite side gives Infinity.
 * @example ulpError(1 + 2 ** -51, 1) // 2
 */
export function ulpError(value: number, reference: number, dtype: 'float64' | 'float32' = 'float64'): number {
  if (Object.is(value, reference) || value === reference) return 0;
  if (Number.isNaN(value) && Number.isNaN(reference)) return 0;
  if (!Number.isFinite(value) || !Number.isFinite(reference)) return Infinity;
  const spacing = dtype === 'float64' ? ulp(reference) : ulp32(reference);
  return Math.abs(value - reference) / spacing;
}
