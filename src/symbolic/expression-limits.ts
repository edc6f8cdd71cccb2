/**
 * Limits applied to every expression that comes from outside (student answers, YAML files,
 * command-line flags), so hostile input is refused quickly instead of stalling the prover.
 */

/** Size and shape limits for untrusted expressions. Every field has a documented default. */
export interface ExpressionLimits {
  /** Maximum length of the source text in characters. Default {@link DEFAULT_LIMITS}.maxLength. */
  readonly maxLength: number;
  /** Maximum nesting depth (parentheses, braces, function calls). */
  readonly maxDepth: number;
  /** Maximum number of nodes in the parsed tree. */
  readonly maxNodes: number;
  /** Maximum height of an exponent tower (e^{e^{x}} has height 2). */
  readonly maxTower: number;
  /** Largest absolute value of an integer exponent (x^{100000} is refused). */
  readonly maxExponent: number;
}

/**
 * Defaults: generous for anything a student writes (the source document's longest formula, the
 * Mish closed form, has ~60 nodes, depth 6 and towers of height 1), small enough that the exact
 * prover's polynomial arithmetic stays in milliseconds.
 */
export const DEFAULT_LIMITS: ExpressionLimits = {
  maxLength: 10_000,
  maxDepth: 48,
  maxNodes: 2_000,
  maxTower: 3,
  maxExponent: 64,
};

/** Fills defaults for any limit not given. */
export function resolveLimits(partial: Partial<ExpressionLimits> = {}): ExpressionLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}
