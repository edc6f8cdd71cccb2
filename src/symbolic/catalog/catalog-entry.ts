/**
 * The shape of a catalog entry: one function (activation or loss) described as data.
 *
 * Built-in entries live in `builtin-entries.ts`; users add their own from YAML with the same
 * shape (`load-catalog-file.ts`).
 */
import type { MathNode } from 'mathjs';

/** A real interval; `open` ends exclude the endpoint. Infinite ends are ±Infinity. */
export interface Interval {
  readonly min: number;
  readonly max: number;
  readonly openMin?: boolean;
  readonly openMax?: boolean;
}

/** An input of the function. */
export interface VariableSpec {
  readonly name: string;
  readonly domain: Interval;
  readonly description?: string;
}

/** A parameter: fixed (leaky α) or trainable (PReLU α, Swish-β β). */
export interface ParameterSpec {
  readonly name: string;
  readonly domain: Interval;
  /** Value used when none is given. */
  readonly default: number;
  readonly trainable: boolean;
  readonly description?: string;
}

/** One branch of a piecewise function: `expression` holds where `variable relation at`. */
export interface Branch {
  readonly variable: string;
  readonly relation: '<' | '>';
  readonly at: number;
  readonly expression: MathNode;
}

/** A fact about the function, checked by claims and property suites. */
export type Fact =
  | { readonly kind: 'kink'; readonly variable: string; readonly at: number }
  | { readonly kind: 'limit'; readonly of: 'f' | 'df'; readonly variable: string; readonly at: '+inf' | '-inf'; readonly value: number | '+inf' | '-inf' }
  | { readonly kind: 'minimum'; readonly variable: string; readonly at: number; readonly value: number; readonly exact?: string }
  | { readonly kind: 'bound'; readonly lower?: number; readonly upper?: number; readonly over?: string }
  | { readonly kind: 'monotonic'; readonly variable: string; readonly increasing: boolean; readonly on?: Interval }
  | { readonly kind: 'smooth'; readonly smooth: boolean };

/** What an alternative form claims to equal. */
export type FormTarget =
  | { readonly kind: 'function' }
  | { readonly kind: 'derivative'; readonly wrt: string; readonly order: 1 | 2 };

/** An alternative form of the function or a derivative, as the source document gives it. */
export interface AlternativeForm {
  /** Stable id, e.g. `mish.d1.omega-delta`. */
  readonly id: string;
  /** Where it comes from, e.g. "SEED Q1.3 (expanded closed form)". */
  readonly source: string;
  readonly target: FormTarget;
  /** The form as written (may use symbols defined in `where`). */
  readonly expression: MathNode;
  /** Auxiliary definitions used by `expression` (ω and δ of the Mish closed form). */
  readonly where?: Readonly<Record<string, MathNode>>;
  readonly note?: string;
}

/** One catalog function. */
export interface CatalogEntry {
  /** Identifier, e.g. `swish_beta`. */
  readonly name: string;
  /** Display name, e.g. "Swish-β". */
  readonly title: string;
  readonly kind: 'activation' | 'loss';
  readonly variables: readonly VariableSpec[];
  readonly parameters: readonly ParameterSpec[];
  /** The definition (may use piecewise functions such as relu and abs). */
  readonly definition: MathNode;
  /** Piecewise form: the definition restricted to each side of its kinks. */
  readonly branches?: readonly Branch[];
  /** TeX of the definition, as shown on the site, e.g. `x\,\sigma(\beta x)`. */
  readonly tex: string;
  /** A numerically stable form, proved equal to the definition, used by the compiler. */
  readonly stable?: MathNode;
  readonly facts: readonly Fact[];
  readonly forms: readonly AlternativeForm[];
  /** Where it came from: `builtin` or the path of a YAML catalog file. */
  readonly origin: string;
}
