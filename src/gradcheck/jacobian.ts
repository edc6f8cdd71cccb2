/**
 * Full Jacobian check of a vector function F: ℝⁿ → ℝᵐ at points: every entry ∂Fᵢ/∂xⱼ against an
 * automatic-step Richardson estimate, with the tolerance model of the scalar check.
 */
import { autoDerivative, FLOAT64_UNIT_ROUNDOFF, ulpError } from '../numeric/index.ts';
import { GradproofError } from '../symbolic/index.ts';
import { collectReport } from './collect-report.ts';
import type { GradcheckReport } from './report.ts';
import type { PointOutcome } from './scalar-checker.ts';
import { allowedError, resolveTolerance, VECTOR_F_ROUNDING_UNITS, type ToleranceOverrides } from './tolerance.ts';

/** A vector function. */
export type VectorFunction = (x: readonly number[]) => readonly number[];

/** Options of {@link checkJacobian}. */
export interface JacobianOptions extends ToleranceOverrides {
  readonly f: VectorFunction;
  /** Claimed Jacobian: rows are outputs, columns inputs. */
  readonly jacobian: (x: readonly number[]) => readonly (readonly number[])[];
  /** Points to check at. */
  readonly at: readonly (readonly number[])[];
  /** Input names for reports (default x1, x2, …). */
  readonly names?: readonly string[];
  readonly subject?: string;
}

/**
 * Checks every Jacobian entry at every point.
 * @throws GradproofError GP_INPUT when the Jacobian's shape does not match F.
 * @example checkJacobian({ f: ([a, b]) => [a * b], jacobian: ([a, b]) => [[b, a]], at: [[1, 2]] }).status // 'pass'
 */
export function checkJacobian(options: JacobianOptions): GradcheckReport {
  const tolerance = resolveTolerance('float64', { atol: options.atol, rtol: options.rtol });
  const outcomes: PointOutcome[] = [];
  for (const x of options.at) {
    const n = x.length;
    const names = options.names ?? x.map((_, j) => `x${j + 1}`);
    const point = Object.fromEntries(names.map((name, j) => [name, x[j]!]));
    const fx = options.f(x);
    const J = options.jacobian(x);
    if (J.length !== fx.length || J.some((row) => row.length !== n)) {
      throw new GradproofError('GP_INPUT', `jacobian: expected ${fx.length}×${n}, got ${J.length}×${J[0]?.length ?? 0}`);
    }
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < fx.length; i++) {
        const slice = (t: number) => { const y = [...x]; y[j] = t; return options.f(y)[i]!; };
        const est = autoDerivative(slice, x[j]!, { noise: VECTOR_F_ROUNDING_UNITS * FLOAT64_UNIT_ROUNDOFF * Math.abs(fx[i]!) });
        const analytic = J[i]![j]!;
        const allowed = allowedError(tolerance, analytic, est.value, Number.isFinite(est.error) ? est.error : 0, 0);
        const absError = Math.abs(analytic - est.value);
        const failed = !(absError <= allowed);
        outcomes.push({
          kind: 'compared', failed, ratio: absError === 0 ? 0 : failed ? Math.max(1, absError / allowed) : absError / allowed,
          result: {
            point, wrt: `∂F${i + 1}/∂${names[j]}`, analytic, numeric: est.value, absError, relError: absError === 0 ? 0 : absError / Math.abs(est.value),
            ulpError: ulpError(analytic, est.value), tolerance: allowed, oracle: est.oracle, step: est.step, kink: false,
            ...(failed ? { hint: `Jacobian entry (${i + 1}, ${j + 1}) disagrees` } : {}),
          },
        });
      }
    }
  }
  return collectReport(outcomes, { subject: options.subject ?? 'jacobian', dtype: 'float64', seed: 0 });
}
