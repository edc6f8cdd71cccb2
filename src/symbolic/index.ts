/**
 * Public surface of the symbolic layer: expressions, the catalog, derivation, the prover and
 * the source document's claims. Other layers import only from here.
 */
export { ERROR_CODES, GradproofError, isGradproofError } from './error.ts';
export type { ErrorCode, SourcePosition } from './error.ts';
export { DEFAULT_LIMITS, resolveLimits } from './expression-limits.ts';
export type { ExpressionLimits } from './expression-limits.ts';
export { parseExpression } from './parse.ts';
export type { ParseOptions } from './parse.ts';
export { sanitizeNode, resolveFunctionName } from './sanitize-node.ts';
export { CONSTANT_SYMBOLS, functionRule, functionRules } from './function-rules.ts';
export type { FunctionRule, KinkRule } from './function-rules.ts';
export { add, call, div, isConstant, mul, neg, num, pow, sub, sym } from './node-builders.ts';
export { toTex } from './to-tex.ts';
export { tidy } from './tidy.ts';
export { derive, deriveN, replaceCalls } from './derive.ts';
export type { DerivationStep, DeriveOptions } from './derive.ts';
export { Catalog, builtinCatalog } from './catalog/catalog.ts';
export { BUILTIN_ENTRIES } from './catalog/builtin-entries.ts';
export type {
  AlternativeForm, Branch, CatalogEntry, Fact, FormTarget, Interval, ParameterSpec, VariableSpec,
} from './catalog/catalog-entry.ts';
export type { ClaimReport, DerivativeReport, FormReport, FunctionReport, ProofStatus, VerifyReport } from './verify/verify-report.ts';
