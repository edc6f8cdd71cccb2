/**
 * The tolerance model: an analytic derivative a agrees with a numerical estimate n when
 *
 *   |a − n| ≤ atol + rtol·max(|a|, |n|) + SAFETY·(oracle error estimate) + ROUNDING·u·M(df)
 *
 * where u is the unit roundoff of the checked dtype and M(df) the propagated rounding bound of
 * the analytic expression for an exact input (compiler error mode: the checked point carries no
 * error, so e^x at x = 30 contributes u·e^30, not u·30·e^30): cancellation and ill-conditioning
 * of the expression widen the tolerance exactly where its rounding is large, and nowhere else.
 * Where a pass needs that rounding allowance and it is large against the values, the scalar
 * checker re-judges the analytic expression at 50 digits (see scalar-checker.ts).
 */
import { GradproofError } from '../symbolic/index.ts';
import { FLOAT32_UNIT_ROUNDOFF, FLOAT64_UNIT_ROUNDOFF, type Dtype } from '../numeric/index.ts';

/** The numbers of the tolerance model. */
export interface Tolerance {
  /** Relative tolerance, beyond every estimated error. */
  readonly rtol: number;
  /** Absolute tolerance: what counts as zero. */
  readonly atol: number;
  /** Multiplier of u·M(df), the analytic expression's estimated rounding error. */
  readonly rounding: number;
  /** Multiplier of the oracle's own error estimate. */
  readonly oracleSafety: number;
  /** Unit roundoff of the checked arithmetic. */
  readonly unitRoundoff: number;
}

/**
 * Float64 preset. rtol 1e-7: a wrong derivative is wrong by far more, while every oracle's error
 * is accounted separately; atol 1e-290: values below it are float64 underflow, not information.
 */
export const FLOAT64_TOLERANCE: Tolerance = { rtol: 1e-7, atol: 1e-290, rounding: 16, oracleSafety: 4, unitRoundoff: FLOAT64_UNIT_ROUNDOFF };

/**
 * Float32 preset (what TensorFlow.js computes). rtol 1e-4 ≈ 800 float32 ulps of relative slack
 * for kernels whose float32 formulas differ from ours; atol 1e-30: float32 underflows below
 * 1.2e-38, and products of underflowed terms with factors up to 1e8 stay below it.
 */
export const FLOAT32_TOLERANCE: Tolerance = { rtol: 1e-4, atol: 1e-30, rounding: 64, oracleSafety: 4, unitRoundoff: FLOAT32_UNIT_ROUNDOFF };

/** Tolerance overrides a caller may give any check (`atol`, `rtol`). */
export interface ToleranceOverrides {
  readonly atol?: number;
  readonly rtol?: number;
}

/**
 * Rounding noise of a vector function's outputs (Jacobian and projection checks), in units of
 * u·|F|: a handful of operations per output, with a margin, as for the scalar check's default.
 */
export const VECTOR_F_ROUNDING_UNITS = 16;

/** The preset of `dtype` with `overrides` applied, validated. */
export function resolveTolerance(dtype: Dtype, overrides: ToleranceOverrides = {}): Tolerance {
  const preset = dtype === 'float32' ? FLOAT32_TOLERANCE : FLOAT64_TOLERANCE;
  for (const [name, value] of Object.entries(overrides)) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new GradproofError('GP_INPUT', `${name}: expected a finite number >= 0, got ${value}`);
    }
  }
  return { ...preset, atol: overrides.atol ?? preset.atol, rtol: overrides.rtol ?? preset.rtol };
}

/** The largest |a − n| accepted. */
export function allowedError(tolerance: Tolerance, analytic: number, numeric: number, oracleError: number, analyticMagnitude: number): number {
  return tolerance.atol
    + tolerance.rtol * Math.max(Math.abs(analytic), Math.abs(numeric))
    + tolerance.oracleSafety * oracleError
    + tolerance.rounding * tolerance.unitRoundoff * Math.abs(analyticMagnitude);
}
