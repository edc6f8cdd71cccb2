/**
 * The indeterminates of one proof: variables and parameters, one t for each independent
 * exponential (t = e^{m/q} for a monomial m of the exponents), one L for each logarithm of a
 * positive factor, and opaque atoms for anything outside the exp/log fragment (sqrt u, u^v, …).
 * Internal to the prover.
 */
import type { MathNode } from 'mathjs';
import type { Monomial } from './polynomial.ts';
import type { RationalFunction } from './rational-function.ts';

/** What an indeterminate stands for. */
export type Atom =
  | { readonly kind: 'variable'; readonly name: string; readonly positive: boolean }
  /** e^{m/q}: m a monomial of other indeterminates (or 1), q a positive integer. */
  | { readonly kind: 'exp'; readonly exponent: Monomial; readonly q: number }
  /** ln(arg); `factor` when arg is a positive polynomial factor (so ln splits), else the whole argument. */
  | { readonly kind: 'log'; readonly arg: RationalFunction; readonly positive: false }
  /** e^{u} for an exponent u that is not a polynomial (kept whole). */
  | { readonly kind: 'exp-opaque'; readonly exponent: RationalFunction }
  /** Outside the fragment: treated as an unknown, so a proof stays sound but may be missed. */
  | { readonly kind: 'opaque'; readonly node: MathNode; readonly why: string };

/** The registry of indeterminates, indexed in order of first use. */
export class Indeterminates {
  readonly atoms: Atom[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly names: string[] = [];
  private counters = { exp: 0, log: 0, opaque: 0 };

  /** The index of the atom with `key`, creating it with `make` on first use. */
  intern(key: string, make: () => Atom): number {
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const atom = make();
    const index = this.atoms.length;
    this.atoms.push(atom);
    this.byKey.set(key, index);
    this.names.push(this.nameFor(atom));
    return index;
  }

  /** Display name of indeterminate i: x, beta, t, t_2, L_1, s_1. */
  name(i: number): string {
    return this.names[i] ?? `?${i}`;
  }

  /** True when indeterminate i is positive wherever it is defined (e^u, π, variables assumed > 0). */
  isPositive(i: number): boolean {
    const atom = this.atoms[i];
    if (!atom) return false;
    return atom.kind === 'exp' || atom.kind === 'exp-opaque' || (atom.kind === 'variable' && atom.positive);
  }

  /** Atoms outside the exp/log fragment (their reasons), for `undecided` messages. */
  opaqueReasons(used?: ReadonlySet<number>): string[] {
    const out = new Set<string>();
    this.atoms.forEach((a, i) => {
      if (a.kind === 'opaque' && (!used || used.has(i))) out.add(a.why);
    });
    return [...out];
  }

  private nameFor(atom: Atom): string {
    switch (atom.kind) {
      case 'variable':
        return atom.name;
      case 'exp':
      case 'exp-opaque':
        return this.counters.exp++ === 0 ? 't' : `t_${this.counters.exp}`;
      case 'log':
        return `L_${++this.counters.log}`;
      case 'opaque':
        return `s_${++this.counters.opaque}`;
    }
  }
}
