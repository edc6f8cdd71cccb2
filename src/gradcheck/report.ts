/**
 * What a gradient check returns: plain JSON with a schema version, and its human rendering.
 */
import type { Dtype, OracleName } from '../numeric/index.ts';

/** Version of the JSON report; bump on incompatible changes. */
export const GRADCHECK_SCHEMA_VERSION = 1;

/** The comparison at one point. */
export interface PointResult {
  readonly point: Readonly<Record<string, number>>;
  readonly wrt: string;
  readonly analytic: number;
  readonly numeric: number;
  readonly absError: number;
  /** |a − n| / |n| (Infinity when n = 0 ≠ a). */
  readonly relError: number;
  /** |a − n| in ulps of n in the checked dtype. */
  readonly ulpError: number;
  /** Largest |a − n| accepted here. */
  readonly tolerance: number;
  readonly oracle: OracleName;
  readonly step: number;
  readonly kink: boolean;
  readonly hint?: string;
}

/** A point on a kink: the analytic value against the one-sided derivatives. */
export interface KinkResult {
  readonly point: Readonly<Record<string, number>>;
  readonly wrt: string;
  readonly analytic: number;
  readonly left: number;
  readonly right: number;
  /** True when the analytic value lies within [min(left, right), max(left, right)]: a subgradient. */
  readonly subgradient: boolean;
}

/** The result of a check. */
export interface GradcheckReport {
  readonly schemaVersion: number;
  readonly status: 'pass' | 'fail';
  /** What was checked, e.g. "d/dx mish". */
  readonly subject: string;
  readonly dtype: Dtype;
  readonly seed: number;
  /** Points compared (kinks included). */
  readonly checked: number;
  /** Points where neither side is defined (both non-finite), not counted as failures. */
  readonly undefinedPoints: number;
  /** The point with the largest error relative to its tolerance. */
  readonly worst: PointResult | null;
  readonly kinks: readonly KinkResult[];
  /** Failing points, worst first (at most {@link MAX_REPORTED_FAILURES}). */
  readonly failures: readonly PointResult[];
  /** Total failing points (may exceed failures.length). */
  readonly failureCount: number;
  /** What to do next. */
  readonly hint: string;
}

/** Failures kept in a report; the count says how many there were. */
export const MAX_REPORTED_FAILURES = 20;

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(17).replace(/\.?0+(e|$)/, '$1') : String(x));
const fmtPoint = (p: Readonly<Record<string, number>>) => Object.entries(p).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');

/** Human-readable rendering of a report. */
export function formatReport(report: GradcheckReport): string {
  const lines: string[] = [];
  const mark = report.status === 'pass' ? 'PASS' : 'FAIL';
  lines.push(`${mark} ${report.subject} (${report.dtype}, ${report.checked} points, seed ${report.seed})`);
  const describe = (r: PointResult, label: string) => {
    lines.push(`  ${label} at ${fmtPoint(r.point)}`);
    lines.push(`    analytic ${fmt(r.analytic)}  numeric ${fmt(r.numeric)} (${r.oracle}, step ${fmt(r.step)})`);
    lines.push(`    error ${r.absError.toExponential(3)} abs, ${r.relError.toExponential(3)} rel, ${r.ulpError.toExponential(3)} ulp; tolerance ${r.tolerance.toExponential(3)}`);
    if (r.hint) lines.push(`    hint: ${r.hint}`);
  };
  if (report.status === 'fail') {
    report.failures.slice(0, 3).forEach((f, i) => describe(f, i === 0 ? 'worst failure' : 'failure'));
    if (report.failureCount > 3) lines.push(`  … ${report.failureCount - 3} more failing points`);
  } else if (report.worst) {
    describe(report.worst, 'closest call');
  }
  for (const k of report.kinks.slice(0, 5)) {
    lines.push(`  kink at ${fmtPoint(k.point)}: one-sided derivatives ${fmt(k.left)} (left), ${fmt(k.right)} (right); analytic ${fmt(k.analytic)} ${k.subgradient ? 'is a valid subgradient' : 'is NOT between them'}`);
  }
  if (report.undefinedPoints > 0) lines.push(`  ${report.undefinedPoints} points where neither side is defined were skipped`);
  lines.push(`  hint: ${report.hint}`);
  return lines.join('\n');
}
