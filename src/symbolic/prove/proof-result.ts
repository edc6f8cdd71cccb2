/**
 * The public types of the prover: options, assumptions, verdicts, witnesses and domain notes.
 */
import type { MathNode } from 'mathjs';
import type { Certificate } from './certificate.ts';

/** A condition on one variable, e.g. `{ variable: 'x', relation: '>', value: 0 }` for x > 0. */
export interface Assumption {
  readonly variable: string;
  readonly relation: '>' | '>=' | '<' | '<=';
  readonly value: number;
}

/** Options of {@link prove}. */
export interface ProveOptions {
  /** The variables of the identity (other free symbols are parameters, treated alike). */
  readonly variables: readonly string[];
  /** Conditions that hold: x > 0 lets ln x split and restricts witnesses. Default none. */
  readonly assumptions?: readonly Assumption[];
  /** Definitions used by the expressions (ω, δ of the Mish closed form), substituted first. */
  readonly where?: Readonly<Record<string, MathNode>>;
  /** Time budget in ms (default 1500): past it the verdict is `undecided`. */
  readonly timeBudgetMs?: number;
  /** Record the rewriting steps in `trace` (for debugging). Default false. */
  readonly trace?: boolean;
}

/** A point where the two sides differ, with both values and the difference (decimal strings, >= 40 digits). */
export interface Witness {
  readonly point: Readonly<Record<string, string>>;
  readonly a: string;
  readonly b: string;
  readonly difference: string;
}

/** A point where the sides' domains differ, or where one side has a removable singularity. */
export interface DomainNote {
  readonly point: Readonly<Record<string, string>>;
  /** `removable-singularity`: one side undefined, its limits from both sides equal the other side. */
  readonly kind: 'removable-singularity' | 'undefined-on-one-side' | 'differ-at-kink';
  /** Which side is undefined (or both). */
  readonly side: 'a' | 'b' | 'both';
  readonly detail: string;
}

/** What every verdict carries besides its status. */
export interface ProofContext {
  readonly domainNotes: readonly DomainNote[];
  readonly elapsedMs: number;
  readonly trace?: readonly string[];
}

/** The verdict proper, without its context. */
export type ProofVerdict =
  | { readonly status: 'proved'; readonly method: string; readonly certificate: Certificate }
  | { readonly status: 'refuted'; readonly method: string; readonly witness: Witness }
  | { readonly status: 'undecided'; readonly method: string; readonly reason: string };

/** The verdict of {@link prove}. */
export type ProofResult = ProofVerdict & ProofContext;
