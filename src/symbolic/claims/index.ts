/**
 * Public surface of the claims module: the source document's claims as data, and their verdicts.
 */
export { evaluateClaims, sourceClaims } from './evaluate-claims.ts';
export type { Claim, ClaimContext, ClaimResult, ClaimStatus, ClaimVerdict } from './claim.ts';
export { bisectRoot, lambertW, CLAIM_DIGITS } from './numeric-analysis.ts';
