/**
 * Projection check vᵀJu: for large Jacobians, compare the directional derivative of vᵀF along u
 * (one automatic-step estimate) with the analytic vᵀJu, for several seeded signed probes
 * (Rademacher ±1 vectors), plus sampled single coordinates eᵢᵀJeⱼ so that a few wrong entries are
 * not diluted by the averaging a random projection does.
 */
import { autoDerivative, FLOAT64_UNIT_ROUNDOFF, seededRandom, ulpError } from '../numeric/index.ts';
import { collectReport } from './collect-report.ts';
import type { GradcheckReport } from './report.ts';
import type { PointOutcome } from './scalar-checker.ts';
import { allowedError, resolveTolerance, VECTOR_F_ROUNDING_UNITS, type ToleranceOverrides } from './tolerance.ts';
import type { VectorFunction } from './jacobian.ts';

/** Options of {@link checkProjection}. */
export interface ProjectionOptions extends ToleranceOverrides {
  readonly f: VectorFunction;
  /** Analytic Jacobian-vector product J(x)u. */
  readonly jvp: (x: readonly number[], u: readonly number[]) => readonly number[];
  readonly at: readonly number[];
  /** Signed random probes (default 4). */
  readonly probes?: number;
  /** Sampled single entries (default 8). */
  readonly coordinates?: number;
  readonly seed?: number;
}

/**
 * Checks vᵀJu for seeded probes and sampled coordinates.
 * @example checkProjection({ f: ([a, b]) => [a * b, a + b], jvp: ([a, b], [p, q]) => [b * p + a * q, p + q], at: [1, 2] }).status // 'pass'
 */
export function checkProjection(options: ProjectionOptions): GradcheckReport {
  const tolerance = resolveTolerance('float64', { atol: options.atol, rtol: options.rtol });
  const seed = options.seed ?? 1;
  const rand = seededRandom(seed);
  const x = options.at;
  const fxAbs = options.f(x).map(Math.abs);
  const m = fxAbs.length;
  const sign = () => (rand() < 0.5 ? -1 : 1);
  const pairs: { u: number[]; v: number[]; label: string }[] = [];
  for (let p = 0; p < (options.probes ?? 4); p++) pairs.push({ u: x.map(sign), v: Array.from({ length: m }, sign), label: `probe ${p + 1}` });
  for (let c = 0; c < (options.coordinates ?? 8); c++) {
    const j = Math.floor(rand() * x.length), i = Math.floor(rand() * m);
    pairs.push({ u: x.map((_, k) => (k === j ? 1 : 0)), v: Array.from({ length: m }, (_, k) => (k === i ? 1 : 0)), label: `entry (${i + 1}, ${j + 1})` });
  }
  const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, ai, k) => s + ai * b[k]!, 0);
  const outcomes: PointOutcome[] = pairs.map(({ u, v, label }) => {
    const g = (t: number) => dot(v, options.f(x.map((xi, k) => xi + t * u[k]!)));
    const scale = dot(v.map(Math.abs), fxAbs);
    const est = autoDerivative(g, 0, { noise: VECTOR_F_ROUNDING_UNITS * FLOAT64_UNIT_ROUNDOFF * scale });
    const analytic = dot(v, options.jvp(x, u));
    const allowed = allowedError(tolerance, analytic, est.value, Number.isFinite(est.error) ? est.error : 0, 0);
    const absError = Math.abs(analytic - est.value);
    const failed = !(absError <= allowed);
    return {
      kind: 'compared', failed, ratio: absError === 0 ? 0 : failed ? Math.max(1, absError / allowed) : absError / allowed,
      result: {
        point: Object.fromEntries(x.map((xi, k) => [`x${k + 1}`, xi])), wrt: `vᵀJu (${label})`, analytic, numeric: est.value, absError,
        relError: absError === 0 ? 0 : absError / Math.abs(est.value), ulpError: ulpError(analytic, est.value), tolerance: allowed,
        oracle: est.oracle, step: est.step, kink: false, ...(failed ? { hint: `${label} disagrees: vᵀJu differs (seed ${seed})` } : {}),
      },
    };
  });
  return collectReport(outcomes, { subject: 'projection vᵀJu', dtype: 'float64', seed });
}
