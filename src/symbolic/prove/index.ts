/**
 * Public surface of the prover: `prove(a, b, options)` and its types. Other modules import only from here.
 */
export { prove, PROOF_METHODS, substituteWhere } from './prove.ts';
export type { Assumption, DomainNote, ProofContext, ProofResult, ProofVerdict, ProveOptions, Witness } from './proof-result.ts';
export type { Certificate, CertificateStep } from './certificate.ts';
export { DEFAULT_TIME_BUDGET_MS, MAX_MONOMIAL_DEGREE, MAX_POLYNOMIAL_TERMS } from './proof-budget.ts';
export { EXP_LOG_RULES } from './exp-log-rules.ts';
export type { ExpLogRule } from './exp-log-rules.ts';
export { PIECEWISE_BRANCHES, MAX_REGIONS } from './case-split.ts';
export { WITNESS_DIGITS } from './witness.ts';
