/**
 * Numerical evidence shown on a function's page beside its proofs, gathered from the numeric and
 * gradcheck layers when they provide it. Every part is optional: a page says plainly what was
 * not measured.
 */
import type { FunctionCurves } from './function-curves.ts';
import type { PlotPoint } from './plot-svg.ts';

/** Accuracy of the compiled (stable) kernel against the high-precision reference. */
export interface AccuracyEvidence {
  readonly points: number;
  readonly maxUlp: number;
  readonly medianUlp?: number;
  readonly range: string;
}

/** A gradient check of one derivative. */
export interface GradcheckEvidence {
  readonly wrt: string;
  readonly status: string;
  readonly checked: number;
  readonly worst?: { readonly point: number; readonly absError: number; readonly relError: number; readonly oracle: string };
  readonly kinks?: readonly string[];
}

/** A property suite covering the function. */
export interface PropertyEvidence {
  readonly name: string;
  readonly runs: number;
  readonly status: string;
}

/** Error of the central difference against the proved first derivative, by step size h. */
export interface StepCurve {
  readonly variable: string;
  /** The point where it was measured. */
  readonly at: number;
  /** x = h, y = absolute error. */
  readonly points: readonly PlotPoint[];
}

/** Everything numerical known about one function. */
export interface FunctionEvidence {
  readonly curves?: FunctionCurves;
  readonly stepCurve?: StepCurve;
  readonly accuracy?: AccuracyEvidence;
  readonly gradchecks?: readonly GradcheckEvidence[];
  readonly properties?: readonly PropertyEvidence[];
}
