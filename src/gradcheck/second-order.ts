/**
 * Second-order check: a claimed second derivative against hyper-dual numbers (exact up to
 * rounding), confirmed on disagreement by a Richardson-extrapolated second difference.
 */
import type { MathNode } from 'mathjs';
import { DerivativeOracles, FLOAT64_UNIT_ROUNDOFF, compileExpression, richardson, ulpError } from '../numeric/index.ts';
import { parseExpression } from '../symbolic/index.ts';
import { collectReport } from './collect-report.ts';
import { resolveSettings, type CheckSettings } from './gradcheck.ts';
import type { GradcheckReport, PointResult } from './report.ts';
import { samplePoints } from './sample-points.ts';
import type { PointOutcome } from './scalar-checker.ts';
import { allowedError } from './tolerance.ts';

/** Options of {@link gradcheckSecondOrder}. */
export interface SecondOrderOptions extends CheckSettings {
  readonly f: MathNode | string;
  /** Claimed ∂²f/∂variable². */
  readonly d2: MathNode | string;
  readonly variable: string;
  readonly params?: Readonly<Record<string, number>>;
}

/** Second difference step: 2^−5·max(1, |x|) (Richardson's extrapolation (orders 2, 4, 6) removes the truncation error a large step leaves). */
const SECOND_DIFFERENCE_STEP = 2 ** -5;

/**
 * Checks a second derivative.
 * @example gradcheckSecondOrder({ f: 'x*sigmoid(x)', d2: 'sigmoid(x)*sigmoid(-x)*(2 - x*tanh(x/2))', variable: 'x' }).status // 'pass'
 */
export function gradcheckSecondOrder(options: SecondOrderOptions): GradcheckReport {
  const s = resolveSettings(options);
  const node = (e: MathNode | string) => (typeof e === 'string' ? parseExpression(e) : e);
  const params = options.params ?? {};
  const variables = [options.variable, ...Object.keys(params)];
  const oracles = new DerivativeOracles(node(options.f), variables);
  const d2Node = node(options.d2);
  const d2 = compileExpression(d2Node, { variables, dtype: s.dtype });
  const d2Magnitude = compileExpression(d2Node, { variables, output: 'magnitude' });
  const rest = Object.values(params);
  const xs = samplePoints({ count: s.points, range: s.range, seed: s.seed });
  const outcomes: PointOutcome[] = xs.map((x) => {
    const values = [s.dtype === 'float32' ? Math.fround(x) : x, ...rest];
    const analytic = d2.evaluate(values);
    let est = oracles.secondDerivative(values, 0);
    if (!Number.isFinite(analytic) && !Number.isFinite(est.value)) return { kind: 'undefined' };
    const magnitude = d2Magnitude.evaluate(values);
    let allowed = allowedError(s.tolerance, analytic, est.value, est.error, Number.isFinite(magnitude) ? magnitude : 0);
    if (!(Math.abs(analytic - est.value) <= allowed)) {
      const f = oracles.slice(values, 0);
      const f0 = f(values[0]!);
      const h = SECOND_DIFFERENCE_STEP * Math.max(1, Math.abs(values[0]!));
      const r = richardson((t) => (f(values[0]! + t) - 2 * f0 + f(values[0]! - t)) / (t * t), h, 2, 2, 3);
      const noise = (16 * FLOAT64_UNIT_ROUNDOFF * oracles.noise(values)) / ((h / 4) * (h / 4));
      const fdAllowed = allowedError(s.tolerance, analytic, r.value, r.error + noise, Number.isFinite(magnitude) ? magnitude : 0);
      if (Math.abs(analytic - r.value) <= fdAllowed) { est = { value: r.value, error: r.error + noise, step: h, oracle: 'richardson' }; allowed = fdAllowed; }
    }
    const absError = Math.abs(analytic - est.value);
    const failed = !(absError <= allowed);
    const result: PointResult = {
      point: Object.fromEntries(variables.map((v, i) => [v, values[i]!])), wrt: `${options.variable} (second order)`, analytic, numeric: est.value,
      absError, relError: absError === 0 ? 0 : absError / Math.abs(est.value), ulpError: ulpError(analytic, est.value, s.dtype), tolerance: allowed,
      oracle: est.oracle, step: est.step, kink: false, ...(failed ? { hint: 'second derivatives disagree' } : {}),
    };
    return { kind: 'compared', result, failed, ratio: absError === 0 ? 0 : failed ? Math.max(1, absError / allowed) : absError / allowed };
  });
  return collectReport(outcomes, { subject: `d²/d${options.variable}² ${String(options.f)}`, dtype: s.dtype, seed: s.seed });
}
