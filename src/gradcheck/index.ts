/**
 * Public surface of the gradient checker: scalar checks of analytic derivatives against
 * numerical oracles (with kinks, tolerances and reports), catalog checks, elementwise,
 * Jacobian, projection and second-order checks.
 */
export { DEFAULT_POINTS, DEFAULT_RANGE, DEFAULT_SEED, gradcheck, resolveSettings } from './gradcheck.ts';
export type { CheckSettings, GradcheckOptions } from './gradcheck.ts';
export { defaultWrt, gradcheckCatalog, gradcheckEntry, gradcheckEntryJacobian } from './gradcheck-entry.ts';
export type { EntryCheckOptions } from './gradcheck-entry.ts';
export { GRADCHECK_SCHEMA_VERSION, MAX_REPORTED_FAILURES, formatReport } from './report.ts';
export type { GradcheckReport, KinkResult, PointResult } from './report.ts';
export { collectReport, mergeReports } from './collect-report.ts';
export { ScalarChecker, hintFor } from './scalar-checker.ts';
export type { PointOutcome, ScalarCheckerOptions } from './scalar-checker.ts';
export { FLOAT32_TOLERANCE, FLOAT64_TOLERANCE, VECTOR_F_ROUNDING_UNITS, allowedError, resolveTolerance } from './tolerance.ts';
export type { Tolerance, ToleranceOverrides } from './tolerance.ts';
export { KinkLocator, detectNonDifferentiable } from './kinks.ts';
export { samplePoints } from './sample-points.ts';
export type { SampleOptions } from './sample-points.ts';
export { checkElementwise } from './elementwise.ts';
export type { ArrayFunction, ElementwiseOptions } from './elementwise.ts';
export { checkJacobian } from './jacobian.ts';
export type { JacobianOptions, VectorFunction } from './jacobian.ts';
export { checkProjection } from './projection.ts';
export type { ProjectionOptions } from './projection.ts';
export { gradcheckSecondOrder } from './second-order.ts';
export type { SecondOrderOptions } from './second-order.ts';
