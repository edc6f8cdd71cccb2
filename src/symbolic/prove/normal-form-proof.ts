/**
 * The exact proof of a smooth identity: both sides to one rational function each in the same
 * indeterminates (`exp-log-normal-form.ts`), then the numerator of a − b over the common
 * denominator must expand to the zero polynomial.
 */
import type { MathNode } from 'mathjs';
import { atomDefinitions, polynomialText, rationalFunctionText, type CertificateStep } from './certificate.ts';
import { normalizeAll } from './exp-log-normal-form.ts';
import { polyEquals, polyIndeterminates } from './polynomial.ts';
import type { ProofBudget } from './proof-budget.ts';
import { reduceRadicals } from './radical-reduction.ts';
import { differenceNumerator } from './rational-function.ts';

/** What the normal form says about a − b. */
export type NormalFormOutcome =
  | { readonly kind: 'proved'; readonly steps: CertificateStep[] }
  /** The numerator is not the zero polynomial; `opaque` lists unknowns outside the fragment (then nothing follows). */
  | { readonly kind: 'nonzero'; readonly terms: number; readonly opaque: string[] };

/**
 * Normalises a and b together and tests the numerator of a − b.
 * @throws BudgetExceeded past the budget; DivisionByZeroPolynomial for a side like 1/(x − x).
 */
export function proveByNormalForm(a: MathNode, b: MathNode, budget: ProofBudget, positiveVariables: ReadonlySet<string>, trace?: string[]): NormalFormOutcome {
  const nf = normalizeAll([a, b], budget, positiveVariables, trace);
  const [fa, fb] = nf.forms as [typeof nf.forms[0], typeof nf.forms[0]];
  const raw = differenceNumerator(fa, fb, budget);
  const reduced = raw.size > 0 ? reduceRadicals(raw, nf.atoms, budget) : { numerator: raw, steps: [] };
  const numerator = reduced.numerator;
  if (numerator.size > 0) {
    const used = new Set([...polyIndeterminates(fa.num), ...polyIndeterminates(fa.den), ...polyIndeterminates(fb.num), ...polyIndeterminates(fb.den)]);
    return { kind: 'nonzero', terms: numerator.size, opaque: nf.atoms.opaqueReasons(used) };
  }
  const atoms = nf.atoms;
  const steps: CertificateStep[] = [];
  for (const rule of nf.rulesUsed.values()) {
    steps.push({ text: `rewrite: ${rule.identity}`, tex: rule.tex });
  }
  steps.push(...atomDefinitions(atoms));
  steps.push({ text: `a = ${rationalFunctionText(fa, atoms)}`, tex: `a = ${rationalFunctionText(fa, atoms, true)}` });
  steps.push({ text: `b = ${rationalFunctionText(fb, atoms)}`, tex: `b = ${rationalFunctionText(fb, atoms, true)}` });
  if (polyEquals(fa.den, fb.den)) {
    steps.push({ text: 'same denominator; numerator of a − b = a.num − b.num', tex: '\\text{same denominator: } N = N_a - N_b' });
  } else {
    steps.push({
      text: `numerator of a − b over the common denominator: N = N_a·D_b − N_b·D_a, with D_a = ${polynomialText(fa.den, atoms)}, D_b = ${polynomialText(fb.den, atoms)}`,
      tex: `N = N_a D_b - N_b D_a`,
    });
  }
  steps.push(...reduced.steps);
  steps.push({ text: 'N expands to 0: the numerator is identically 0, so a = b wherever both are defined', tex: 'N \\equiv 0' });
  return { kind: 'proved', steps };
}
