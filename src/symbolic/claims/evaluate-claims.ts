/**
 * Evaluates every claim of the source document (SEED-DIGEST.md, Q1 and Q2).
 */
import { builtinCatalog, type Catalog } from '../catalog/catalog.ts';
import { isGradproofError } from '../error.ts';
import type { Claim, ClaimResult } from './claim.ts';
import { formClaims, GRADIENT_CLAIMS, SWISH_BETA_CLAIMS } from './derivative-claims.ts';
import { LOSS_CLAIMS } from './loss-claims.ts';
import { MINIMUM_CLAIMS, SHAPE_CLAIMS } from './shape-claims.ts';

/** Every claim, in document order: derivative forms, Swish-β, gradients, shape, minima, losses. */
export function sourceClaims(catalog: Catalog = builtinCatalog()): Claim[] {
  return [...formClaims(catalog), ...SWISH_BETA_CLAIMS, ...GRADIENT_CLAIMS, ...SHAPE_CLAIMS, ...MINIMUM_CLAIMS, ...LOSS_CLAIMS];
}

/**
 * Checks every claim of the source document against `catalog` (default: the built-in one).
 * A claim whose check fails with a gradproof error (e.g. an entry missing from a user catalog)
 * is `undecided` with the error's message.
 * @example
 * evaluateClaims().find((c) => c.id === 'swish_beta.beta-zero')?.status   // 'refuted'
 */
export function evaluateClaims(catalog: Catalog = builtinCatalog()): ClaimResult[] {
  return sourceClaims(catalog).map((claim) => {
    const base = { id: claim.id, statement: claim.statement, source: claim.source };
    try {
      return { ...base, ...claim.check({ catalog }) };
    } catch (error) {
      if (!isGradproofError(error)) throw error;
      return { ...base, status: 'undecided', detail: `check failed: ${error.message}` };
    }
  });
}
