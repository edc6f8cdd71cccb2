/**
 * The gradient check of an activation before training, through `src/gradcheck`: the forward
 * expression and the derivatives the layer is built from (by x and by each trainable
 * parameter), checked against numerical oracles in float32 (what TensorFlow.js computes) at the
 * catalog entry's points (grid, seeded random, kinks, minima), with the activation's parameter
 * values. Training refuses to start when it fails.
 */
import { gradcheckEntry, type GradcheckReport } from '../gradcheck/index.ts';
import { GradproofError, builtinCatalog, type Catalog } from '../symbolic/index.ts';
import { ACTIVATION_VARIABLE, type ActivationExpressions } from './activation-expressions.ts';

/** Points of the pre-flight check: the catalog check's default, about 150 ms in float32. */
const PREFLIGHT_POINTS = 200;
/** Seed of the pre-flight check's random points (printed in the refusal, to reproduce it). */
const PREFLIGHT_SEED = 1;

let defaultCatalog: Catalog | undefined;

/**
 * The float32 gradient check of the activation described by `expressions` (its entry in
 * `catalog`, the built-in one by default, supplies domains, kinks and minima).
 */
export function gradcheckActivation(expressions: ActivationExpressions, catalog?: Catalog): GradcheckReport {
  defaultCatalog ??= builtinCatalog();
  const entry = (catalog ?? defaultCatalog).get(expressions.spec.name);
  const trainable = expressions.params.filter((p) => p.trainable).map((p) => p.name);
  const params = Object.fromEntries(expressions.params.map((p) => [p.name, p.value]));
  // The layer's own expressions (fixed parameters substituted), not a fresh derivation.
  return gradcheckEntry({ ...entry, definition: expressions.forward }, {
    dtype: 'float32', points: PREFLIGHT_POINTS, seed: PREFLIGHT_SEED, params,
    wrt: [ACTIVATION_VARIABLE, ...trainable],
    df: { [ACTIVATION_VARIABLE]: expressions.dx, ...expressions.dparams },
  });
}

/**
 * Throws GP_GRAD_MISMATCH, naming the worst failing point, when {@link gradcheckActivation} fails.
 * @example assertActivationGradients(catalogActivation({ name: 'mish', params: {} })) // passes silently
 */
export function assertActivationGradients(expressions: ActivationExpressions, catalog?: Catalog): void {
  const report = gradcheckActivation(expressions, catalog);
  if (report.status === 'pass') return;
  const worst = report.failures[0] ?? report.worst;
  const where = worst ? Object.entries(worst.point).map(([k, v]) => `${k} = ${v}`).join(', ') : 'unknown point';
  const detail = worst
    ? `expected ∂f/∂${worst.wrt} = ${worst.numeric} (${worst.oracle}), got ${worst.analytic} from the activation's derivative at ${where} (|error| ${worst.absError} > tolerance ${worst.tolerance}${worst.hint ? `; ${worst.hint}` : ''})`
    : 'expected a passing gradient check, got a failure without a point';
  throw new GradproofError('GP_GRAD_MISMATCH', `activation ${expressions.spec.name} (float32 gradcheck, seed ${report.seed}, ${report.failureCount} failing points): ${detail}`);
}
