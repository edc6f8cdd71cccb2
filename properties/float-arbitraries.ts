/**
 * Float arbitraries that reach where activation and loss code breaks: 0 and −0, subnormals,
 * values near ±1, ±large values where exponentials overflow, points near kinks and minima, and
 * (when asked for) NaN and ±∞.
 */
import fc from 'fast-check';

/** Largest subnormal float64 (just below 2^−1022, the smallest normal). */
export const LARGEST_SUBNORMAL = 2 ** -1022 - 2 ** -1074;
/** Smallest positive subnormal float64, 2^−1074. */
export const SMALLEST_SUBNORMAL = 2 ** -1074;
/** ln(Number.MAX_VALUE) ≈ 709.78: e^x overflows to ∞ just above it. */
export const EXP_OVERFLOW = Math.log(Number.MAX_VALUE);

/** Values in [−40, 40] get their own generator: where activations and logits live in practice. */
const MODERATE = 40;

/** The finite special values every float property should see. */
export const SPECIAL_FINITE_FLOATS: readonly number[] = [
  0, -0, SMALLEST_SUBNORMAL, -SMALLEST_SUBNORMAL, LARGEST_SUBNORMAL, -LARGEST_SUBNORMAL, 2 ** -1022, -(2 ** -1022),
  Number.EPSILON, -Number.EPSILON, 1, -1, 0.5, -0.5, 2, -2, 36, -36, 709, -709, EXP_OVERFLOW, -EXP_OVERFLOW, 710, -710,
  746, -746, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE,
];

/** NaN and the infinities. */
export const NON_FINITE_FLOATS: readonly number[] = [NaN, Infinity, -Infinity];

/** Options of {@link finiteFloat}. */
export interface FiniteFloatOptions {
  /** Smallest value (default −Number.MAX_VALUE). */
  readonly min?: number;
  /** Largest value (default Number.MAX_VALUE). */
  readonly max?: number;
  /** Points the generator visits often, with small offsets around them (kinks, minima). */
  readonly near?: readonly number[];
}

/**
 * Finite doubles in [min, max], biased towards the special values, subnormals, moderate values
 * and the `near` points. −0 and 0 are both produced when 0 is in range.
 * @example fc.assert(fc.property(finiteFloat({ min: -50, max: 50, near: [0] }), (x) => ...))
 */
export function finiteFloat(options: FiniteFloatOptions = {}): fc.Arbitrary<number> {
  const min = options.min ?? -Number.MAX_VALUE;
  const max = options.max ?? Number.MAX_VALUE;
  const inRange = (x: number) => x >= min && x <= max;
  const specials = SPECIAL_FINITE_FLOATS.filter(inRange);
  const arbitraries: fc.Arbitrary<number>[] = [fc.double({ min, max, noNaN: true, noDefaultInfinity: true })];
  const [moderateMin, moderateMax] = [Math.max(min, -MODERATE), Math.min(max, MODERATE)];
  if (moderateMin < moderateMax) arbitraries.push(fc.double({ min: moderateMin, max: moderateMax, noNaN: true, noDefaultInfinity: true }));
  if (specials.length > 0) arbitraries.push(fc.constantFrom(...specials));
  if (min <= LARGEST_SUBNORMAL && max >= -LARGEST_SUBNORMAL) {
    arbitraries.push(subnormalFloat().filter(inRange));
  }
  const near = (options.near ?? []).filter(inRange);
  if (near.length > 0) arbitraries.push(floatNear(near).filter(inRange));
  return fc.oneof(...arbitraries);
}

/** Subnormal doubles and ±0 (|x| < 2^−1022). */
export function subnormalFloat(): fc.Arbitrary<number> {
  return fc.double({ min: -LARGEST_SUBNORMAL, max: LARGEST_SUBNORMAL, noNaN: true });
}

/**
 * Values at and around `points`: the point itself, its neighbouring doubles, and offsets of
 * relative size 2^−52 to 2^−4.
 */
export function floatNear(points: readonly number[], options: { readonly spread?: number } = {}): fc.Arbitrary<number> {
  const spread = options.spread ?? 1 / 16;
  return fc.tuple(fc.constantFrom(...points), fc.integer({ min: -52, max: 0 }), fc.double({ min: -1, max: 1, noNaN: true })).map(
    ([point, exponent, u]) => {
      const scale = Math.max(Math.abs(point), 1) * spread * 2 ** exponent;
      return point + u * scale;
    },
  );
}

/** Any double: finite values as {@link finiteFloat} plus NaN, ∞ and −∞. */
export function anyFloat(options: FiniteFloatOptions = {}): fc.Arbitrary<number> {
  return fc.oneof({ weight: 9, arbitrary: finiteFloat(options) }, { weight: 1, arbitrary: fc.constantFrom(...NON_FINITE_FLOATS) });
}
