/**
 * Turns per-point outcomes into a {@link GradcheckReport}: pass/fail, the worst point (largest
 * error relative to its tolerance), kinks, the worst failures and a hint.
 */
import type { Dtype } from '../numeric/index.ts';
import { GRADCHECK_SCHEMA_VERSION, MAX_REPORTED_FAILURES, type GradcheckReport, type KinkResult, type PointResult } from './report.ts';
import type { PointOutcome } from './scalar-checker.ts';

/** Identification of a check, carried into its report. */
export interface ReportMeta {
  readonly subject: string;
  readonly dtype: Dtype;
  readonly seed: number;
}

/** The report of `outcomes`. */
export function collectReport(outcomes: readonly PointOutcome[], meta: ReportMeta): GradcheckReport {
  let worst: { result: PointResult; ratio: number } | undefined;
  const failures: { result: PointResult; ratio: number }[] = [];
  const kinks: KinkResult[] = [];
  let undefinedPoints = 0;
  let checked = 0;
  for (const o of outcomes) {
    if (o.kind === 'undefined') { undefinedPoints++; continue; }
    checked++;
    if (o.kind === 'kink') kinks.push(o.kink);
    if (!worst || o.ratio > worst.ratio) worst = { result: o.result, ratio: o.ratio };
    if (o.failed) failures.push({ result: o.result, ratio: o.ratio });
  }
  failures.sort((a, b) => b.ratio - a.ratio);
  const status = failures.length === 0 ? 'pass' : 'fail';
  const hint = status === 'fail'
    ? `${failures[0]!.result.hint ?? 'analytic and numeric derivatives disagree'}; reproduce with seed ${meta.seed}`
    : kinks.length > 0
      ? `all points agree; ${kinks.length} kink point(s) checked with one-sided derivatives`
      : 'all points agree';
  return {
    schemaVersion: GRADCHECK_SCHEMA_VERSION, status, subject: meta.subject, dtype: meta.dtype, seed: meta.seed, checked, undefinedPoints,
    worst: worst?.result ?? null, kinks, failures: failures.slice(0, MAX_REPORTED_FAILURES).map((f) => f.result), failureCount: failures.length, hint,
  };
}

/** Several reports merged into one (e.g. every variable of a function, or the whole catalog). */
export function mergeReports(reports: readonly GradcheckReport[], subject: string): GradcheckReport {
  const first = reports[0];
  const failing = reports.filter((r) => r.status === 'fail');
  const ratio = (r: PointResult | null) => (r ? (r.absError === 0 ? 0 : r.absError / r.tolerance) : -1);
  const worst = reports.map((r) => r.worst).reduce<PointResult | null>((a, b) => (ratio(b) > ratio(a) ? b : a), null);
  const failures = reports.flatMap((r) => r.failures).sort((a, b) => ratio(b) - ratio(a)).slice(0, MAX_REPORTED_FAILURES);
  return {
    schemaVersion: GRADCHECK_SCHEMA_VERSION,
    status: failing.length === 0 ? 'pass' : 'fail',
    subject,
    dtype: first?.dtype ?? 'float64',
    seed: first?.seed ?? 0,
    checked: reports.reduce((s, r) => s + r.checked, 0),
    undefinedPoints: reports.reduce((s, r) => s + r.undefinedPoints, 0),
    worst,
    kinks: reports.flatMap((r) => r.kinks),
    failures,
    failureCount: reports.reduce((s, r) => s + r.failureCount, 0),
    hint: failing.length === 0 ? `all ${reports.length} checks agree` : `${failing.map((r) => r.subject).join('; ')}: ${failing[0]!.hint}`,
  };
}
