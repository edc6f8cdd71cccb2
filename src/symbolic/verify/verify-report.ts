/**
 * The JSON written by `gradproof verify --json` and read by the documentation site.
 * Bump {@link VERIFY_SCHEMA_VERSION} on any incompatible change.
 */

/** Version of {@link VerifyReport}'s shape. */
export const VERIFY_SCHEMA_VERSION = 1;

/** How a statement stands. */
export type ProofStatus = 'proved' | 'refuted' | 'numerical' | 'undecided';

/** How one statement was settled: certificate lines as text and as TeX (same length). */
export interface ProofSummary {
  readonly status: ProofStatus;
  readonly method: string;
  readonly certificate?: readonly string[];
  readonly certificateTex?: readonly string[];
  readonly detail?: string;
}

/** One derivative of a catalog function. */
export interface DerivativeReport {
  readonly wrt: string;
  readonly order: 1 | 2;
  /** mathjs text of the derivative. */
  readonly expression: string;
  readonly tex: string;
  /** Rules applied, outermost first ("product rule", "chain rule (tanh)", ...). */
  readonly steps: readonly string[];
  /** Piecewise functions: the derivative on each side of the kink. */
  readonly branches?: readonly { readonly relation: '<' | '>'; readonly at: number; readonly expression: string; readonly tex: string }[];
  readonly proof: ProofSummary;
}

/** One alternative form given by the source document. */
export interface FormReport {
  readonly id: string;
  readonly source: string;
  readonly expression: string;
  readonly tex: string;
  /** What it is claimed to equal, e.g. "Mish" or "d/dx Mish". */
  readonly target: string;
  readonly status: ProofStatus;
  readonly method?: string;
  readonly certificate?: readonly string[];
  readonly certificateTex?: readonly string[];
  readonly witness?: { readonly point: Readonly<Record<string, string>>; readonly form: string; readonly expected: string; readonly difference: string };
  readonly note?: string;
}

/** One catalog function. */
export interface FunctionReport {
  readonly name: string;
  readonly title: string;
  readonly variables: readonly string[];
  readonly parameters: readonly string[];
  readonly expression: string;
  readonly tex: string;
  readonly kinks: readonly { readonly variable: string; readonly at: number }[];
  readonly derivatives: readonly DerivativeReport[];
  readonly forms: readonly FormReport[];
}

/** One claim of the source document. */
export interface ClaimReport {
  readonly id: string;
  readonly statement: string;
  readonly status: ProofStatus;
  readonly detail: string;
  readonly correctStatement?: string;
}

/** Everything `verify` found. */
export interface VerifyReport {
  readonly schemaVersion: number;
  readonly functions: readonly FunctionReport[];
  readonly claims: readonly ClaimReport[];
  /** Wall-clock milliseconds taken. */
  readonly millis: number;
}
