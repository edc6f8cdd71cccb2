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
export { loadCatalogFile, parseCatalogText, MAX_CATALOG_BYTES } from './catalog/load-catalog-file.ts';
export { entryDerivatives, differentiableSymbols } from './catalog/entry-derivatives.ts';
export type { EntryDerivative } from './catalog/entry-derivatives.ts';
export { expandFunctions } from './expand-functions.ts';
export { freeSymbols } from './free-symbols.ts';
export { parseAssumption } from './parse-assumption.ts';
export type {
  AlternativeForm, Branch, CatalogEntry, Fact, FormTarget, Interval, ParameterSpec, VariableSpec,
} from './catalog/catalog-entry.ts';
export type { ClaimReport, DerivativeReport, FormReport, FunctionReport, ProofStatus, ProofSummary, VerifyReport } from './verify/verify-report.ts';
export { VERIFY_SCHEMA_VERSION } from './verify/verify-report.ts';
export { verifyCatalog, allDerivativesProved } from './verify/verify-catalog.ts';
export type { VerifyOptions } from './verify/verify-catalog.ts';
export { detectAnswerFormat, parseAnswer, parseLatex, parseWhereDefinition, parseWhereList } from './latex/index.ts';
export type { AnswerFormat, AnswerParseOptions, FunctionSymbols, LatexParseOptions, ParsedAnswer, WhereDefinition, WhereParseOptions } from './latex/index.ts';
export { DEFAULT_PRECISE_DIGITS, GUARD_DIGITS, evaluatePrecise, evaluateWithMagnitude } from './evaluate-precise.ts';
export type { EvaluatePreciseOptions, PreciseValue } from './evaluate-precise.ts';
export { DEFAULT_TIME_BUDGET_MS, EXP_LOG_RULES, PIECEWISE_BRANCHES, PROOF_METHODS, prove, substituteWhere } from './prove/index.ts';
export type {
  Assumption, Certificate, CertificateStep, DomainNote, ExpLogRule, ProofContext, ProofResult, ProofVerdict, ProveOptions, Witness,
} from './prove/index.ts';
export { evaluateClaims, sourceClaims } from './claims/index.ts';
export type { Claim, ClaimContext, ClaimResult, ClaimStatus, ClaimVerdict } from './claims/index.ts';
export { writeFileAtomic, writeJsonAtomic, type WriteFileAtomicOptions } from './write-file-atomic.ts';
