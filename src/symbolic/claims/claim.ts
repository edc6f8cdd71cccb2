/**
 * A claim of the source document, as data: what it states, where it comes from, and how it is
 * checked. Verdicts: `proved` (by the prover, or by a proved identity plus the elementary step
 * named in the detail), `refuted` (with the correct statement), `numerical` (supported by
 * high-precision evaluation only), `undecided`.
 */
import type { Catalog } from '../catalog/catalog.ts';

/** How a claim stands. */
export type ClaimStatus = 'proved' | 'refuted' | 'numerical' | 'undecided';

/** The outcome of checking one claim. */
export interface ClaimVerdict {
  readonly status: ClaimStatus;
  /** Why: the method, the values, the argument. */
  readonly detail: string;
  /** For a refuted claim: what is true instead. */
  readonly correctStatement?: string;
}

/** What a check may use. */
export interface ClaimContext {
  readonly catalog: Catalog;
}

/** One claim. */
export interface Claim {
  /** Stable id, e.g. `swish_beta.beta-zero.x-form`. */
  readonly id: string;
  /** The statement as the document makes it (in English). */
  readonly statement: string;
  /** Where in the document, e.g. "SEED Q1 Swish-β". */
  readonly source: string;
  readonly check: (context: ClaimContext) => ClaimVerdict;
}

/** A checked claim (the JSON shape of `verify`'s claims). */
export interface ClaimResult extends ClaimVerdict {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
}
