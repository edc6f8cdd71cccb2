/**
 * Claims of SEED Q1 about the shape of ReLU, Swish and Mish: bounds, (non-)monotonicity,
 * smoothness, sign for x < 0, and the minima of Swish (−W(1/e) at −(1 + W(1/e))) and Mish.
 */
import type { MathNode } from 'mathjs';
import type { Catalog } from '../catalog/catalog.ts';
import { derive } from '../derive.ts';
import type { Claim, ClaimVerdict } from './claim.ts';
import { expr, short } from './claim-proof.ts';
import { agree, bisectRoot, lambertW, rounded, valueAt } from './numeric-analysis.ts';

/** Points of the non-monotonicity witness: f decreases from −3 to the minimum, then increases to 0. */
const DESCENT_POINTS = ['-3', '0'];

/** Bracket of the minimum of Swish and Mish (f′ changes sign inside). */
const MINIMUM_BRACKET = ['-2', '-0.5'] as const;

/** Digits to which the document's decimals must match the computed minimum (it quotes 7 or 8). */
const QUOTED_DIGITS = 7;

const definition = (catalog: Catalog, name: string): MathNode => catalog.get(name).definition;

const MINIMA = new WeakMap<MathNode, { at: string; value: string }>();

/** The minimum of f (a root of f′ in the bracket), computed once per definition node. */
function minimumOf(f: MathNode): { at: string; value: string } {
  const known = MINIMA.get(f);
  if (known) return known;
  const at = bisectRoot(derive(f, 'x'), 'x', MINIMUM_BRACKET[0], MINIMUM_BRACKET[1]);
  const found = { at: at.toString(), value: valueAt(f, { x: at.toString() }).toString() };
  MINIMA.set(f, found);
  return found;
}

function nonMonotonic(f: MathNode, name: string): ClaimVerdict {
  const m = minimumOf(f);
  const [left, right] = DESCENT_POINTS.map((x) => valueAt(f, { x }));
  const v = valueAt(f, { x: m.at });
  const ok = left!.gt(v) && right!.gt(v);
  return {
    status: ok ? 'proved' : 'refuted',
    detail: `${name}(−3) = ${short(left!.toString())} > ${name}(${short(m.at)}) = ${short(v.toString())} < ${name}(0) = ${short(right!.toString())} (50-digit values): it decreases, then increases`,
  };
}

/** Bounds, monotonicity, smoothness and sign. */
export const SHAPE_CLAIMS: readonly Claim[] = [
  {
    id: 'relu.bounds', source: 'SEED Q1 (unbounded above, bounded below)', statement: 'ReLU is unbounded above and bounded below',
    check: () => ({ status: 'proved', detail: 'from its branches: ReLU(x) = 0 for x < 0 and x for x > 0, so ReLU ≥ 0 and ReLU(x) = x → ∞' }),
  },
  {
    id: 'swish.bounds', source: 'SEED Q1 (unbounded above, bounded below)', statement: 'Swish is unbounded above and bounded below',
    check: ({ catalog }) => ({
      status: 'proved',
      detail: `argument: σ(x) ≥ 1/2 for x ≥ 0 gives Swish(x) ≥ x/2 → ∞; for x < 0, |x|σ(x) ≤ |x|e^{x} = |x|e^{−|x|} ≤ 1/e, so Swish ≥ −1/e; the infimum is the minimum ${short(minimumOf(definition(catalog, 'swish')).value)}`,
    }),
  },
  {
    id: 'mish.bounds', source: 'SEED Q1 (unbounded above, bounded below)', statement: 'Mish is unbounded above and bounded below',
    check: ({ catalog }) => ({
      status: 'proved',
      detail: `argument: softplus(x) ≥ ln 2 for x ≥ 0 gives Mish(x) ≥ x·tanh(ln 2) = 0.6x → ∞; for x < 0, tanh(u) ≤ u and ln(1 + v) ≤ v give |Mish(x)| ≤ |x|e^{x} ≤ 1/e; the infimum is the minimum ${short(minimumOf(definition(catalog, 'mish')).value)}`,
    }),
  },
  {
    id: 'relu.monotonic', source: 'SEED Q1', statement: 'ReLU is monotonic',
    check: () => ({ status: 'proved', detail: 'from its branches: constant 0 for x < 0, increasing x for x > 0, continuous at 0: non-decreasing' }),
  },
  { id: 'swish.non-monotonic', source: 'SEED Q1', statement: 'Swish is non-monotonic', check: ({ catalog }) => nonMonotonic(definition(catalog, 'swish'), 'Swish') },
  { id: 'mish.non-monotonic', source: 'SEED Q1', statement: 'Mish is non-monotonic', check: ({ catalog }) => nonMonotonic(definition(catalog, 'mish'), 'Mish') },
  {
    id: 'swish-mish.smooth', source: 'SEED Q1', statement: 'Swish and Mish are smooth (infinitely differentiable)',
    check: () => ({
      status: 'proved',
      detail: 'argument: both are compositions of C∞ functions: exp, ln on (0, ∞) applied to 1 + e^x > 0, tanh, and quotients whose denominators 1 + e^{−x} and e^{2u} + 1 never vanish',
    }),
  },
  {
    id: 'swish-mish.negative', source: 'SEED Q1', statement: 'For x < 0 Swish and Mish are negative, ReLU is 0',
    check: ({ catalog }) => {
      const samples = ['-0.001', '-1', '-30'].map((x) => `Swish(${x}) = ${short(valueAt(definition(catalog, 'swish'), { x }).toString())}, Mish(${x}) = ${short(valueAt(definition(catalog, 'mish'), { x }).toString())}`);
      return {
        status: 'proved',
        detail: `argument: x < 0 times σ(x) ∈ (0, 1), or times tanh(softplus(x)) > 0 (softplus > 0), is negative; ReLU's branch for x < 0 is 0; ${samples.join('; ')}`,
      };
    },
  },
];

/** The minima the document quotes. */
export const MINIMUM_CLAIMS: readonly Claim[] = [
  {
    id: 'swish.minimum', source: 'SEED Q1 (reference values)', statement: 'Swish has its minimum ≈ −0.2784645 at x ≈ −1.2784645, exactly −W(1/e) at −(1 + W(1/e))',
    check: ({ catalog }) => {
      const m = minimumOf(definition(catalog, 'swish'));
      const w = lambertW(valueAt(expr('exp(-1)'), {}).toString());
      const exactAt = agree(m.at, `-${w.plus(1).toString()}`, 45);
      const exactValue = agree(m.value, `-${w.toString()}`, 45);
      const quoted = rounded(m.at, QUOTED_DIGITS) === '-1.278465' && rounded(m.value, QUOTED_DIGITS) === '-0.2784645';
      return {
        status: exactAt && exactValue && quoted ? 'numerical' : 'refuted',
        detail: `Swish′ = 0 at x = ${m.at} (bisection + Newton, 50 digits), Swish = ${m.value}; W(1/e) = ${w}: the location equals −(1 + W(1/e)) and the value −W(1/e) to 45 digits (${exactAt && exactValue}); exactly: Swish′ = 0 ⇔ e^x = −1 − x, and x = −(1 + w) turns this into w e^w = 1/e`,
      };
    },
  },
  {
    id: 'mish.minimum', source: 'SEED Q1 (reference values)', statement: 'Mish has its minimum ≈ −0.3088434 at x ≈ −1.1924312',
    check: ({ catalog }) => {
      const m = minimumOf(definition(catalog, 'mish'));
      const okValue = rounded(m.value, QUOTED_DIGITS) === '-0.3088434';
      const okAt = rounded(m.at, 8) === '-1.1924312';
      return {
        status: okValue && okAt ? 'numerical' : 'refuted',
        detail: `Mish′ = 0 at x = ${m.at} (bisection + Newton, 50 digits), Mish = ${m.value}`,
        ...(okValue && okAt ? {} : { correctStatement: `Mish has its minimum ${rounded(m.value, 10)} at x = ${rounded(m.at, 10)}` }),
      };
    },
  },
];
