/**
 * Claims of SEED Q1 about derivatives and Swish-β: the document's derivative forms (from the
 * catalog's alternative forms), Swish-β at β = 0, β = 1 and β → ∞ for both the x·σ(βx) and the
 * 2x·σ(βx) form, ReLU′ on each side of 0, and vanishing sigmoid and tanh gradients.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { CatalogEntry } from '../catalog/catalog-entry.ts';
import { derive } from '../derive.ts';
import type { Claim, ClaimVerdict } from './claim.ts';
import { byProof, expr, fix, proofLine, short, weakest } from './claim-proof.ts';
import { valueAt } from './numeric-analysis.ts';

const X = { variables: ['x'] };
const XB = { variables: ['x', 'beta'] };

/** One claim per alternative form the document gives (catalog forms whose source is SEED). */
export function formClaims(catalog: Catalog): Claim[] {
  return catalog.entries.flatMap((entry) =>
    entry.forms.filter((f) => f.source.startsWith('SEED')).map((form): Claim => ({
      id: `form:${form.id}`,
      statement: form.target.kind === 'function'
        ? `${entry.title}(x) = ${form.expression}`
        : `d/d${form.target.wrt} ${entry.title} = ${form.expression}${form.where ? ` where ${Object.entries(form.where).map(([k, v]) => `${k} = ${v}`).join(', ')}` : ''}`,
      source: form.source,
      check: () => {
        const target = form.target;
        const expected = target.kind === 'function' ? entry.definition : derivativeOf(entry, target.wrt, target.order);
        const variables = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
        return byProof(form.expression, expected, { variables, ...(form.where ? { where: form.where } : {}) });
      },
    })));
}

function derivativeOf(entry: CatalogEntry, wrt: string, order: number) {
  let d = entry.definition;
  for (let i = 0; i < order; i++) d = derive(d, wrt);
  return d;
}

/** |f_β(x) − limit(x)| = c·|x|·σ(−β|x|) ≤ c/(eβ): proved as an identity by case split, then the elementary bound. */
function betaInfinity(definition: string, factor: 1 | 2, claimedFactor: 1 | 2): ClaimVerdict {
  const limit = factor === 1 ? 'relu(x)' : '2*relu(x)';
  const identity = proofLine(expr(`${definition} - ${limit}`), expr(`-${factor}*abs(x)*sigmoid(-beta*abs(x))`), XB);
  const at = valueAt(expr(definition), { x: 1, beta: 1000 }).toString();
  const argument = `${identity.line}; and |x|·σ(−β|x|) ≤ |x|·e^{−β|x|} ≤ 1/(eβ) for β > 0, so ${definition} → ${limit} uniformly as β → ∞ (error ≤ ${factor}/(eβ)); at x = 1, β = 1000 the value is ${short(at)}`;
  if (factor === claimedFactor) return { status: weakest(identity.status), detail: `argument: ${argument}` };
  return {
    status: identity.status === 'proved' ? 'refuted' : 'undecided',
    detail: `the limit is ${limit}, not ReLU(x): ${argument}`,
    correctStatement: `${definition} → ${limit} as β → ∞ (uniformly, error ≤ ${factor}/(eβ))`,
  };
}

/** Swish-β claims, for both forms the document mixes. */
export const SWISH_BETA_CLAIMS: readonly Claim[] = [
  {
    id: 'swish_2beta.beta-zero', source: 'SEED Q1 Swish-β (β = 0 ⇒ linear)',
    statement: 'For f(x; β) = 2x·σ(βx), β = 0 gives f(x) = x',
    check: ({ catalog }) => byProof(fix(catalog.get('swish_2beta').definition, { beta: 0 }), expr('x'), X),
  },
  {
    id: 'swish_beta.beta-zero', source: 'SEED Q1 Swish-β ("dropping the factor 2 gives Swish-β"; β = 0 ⇒ linear)',
    statement: 'For Swish-β x·σ(βx), β = 0 gives the linear function f(x) = x',
    check: ({ catalog }) => {
      const at0 = fix(catalog.get('swish_beta').definition, { beta: 0 });
      const wrong = proofLine(at0, expr('x'), X);
      const right = proofLine(at0, expr('x/2'), X);
      if (wrong.status !== 'refuted') return { status: wrong.status, detail: wrong.line };
      return { status: 'refuted', detail: `${wrong.line}; ${right.line}`, correctStatement: 'x·σ(0·x) = x/2 (linear, half the identity); only the 2x·σ(βx) form gives x at β = 0' };
    },
  },
  {
    id: 'swish_beta.beta-one', source: 'SEED Q1 Swish-β (β = 1 gives Swish)',
    statement: 'For Swish-β x·σ(βx), β = 1 gives Swish(x) = x·σ(x)',
    check: ({ catalog }) => byProof(fix(catalog.get('swish_beta').definition, { beta: 1 }), catalog.get('swish').definition, X),
  },
  {
    id: 'swish_beta.beta-infinity', source: 'SEED Q1 Swish-β (β → ∞ ⇒ like ReLU)',
    statement: 'For Swish-β x·σ(βx), β → ∞ makes σ(βx) a 0-1 step and f like ReLU(x)',
    check: () => betaInfinity('x*sigmoid(beta*x)', 1, 1),
  },
  {
    id: 'swish_2beta.beta-infinity', source: 'SEED Q1 Swish-β (f(x; β) = 2x·σ(βx), β → ∞ ⇒ like ReLU)',
    statement: 'For f(x; β) = 2x·σ(βx), β → ∞ makes f like ReLU(x)',
    check: () => betaInfinity('2*x*sigmoid(beta*x)', 2, 1),
  },
];

/** ReLU′ on each side of the kink, and the vanishing gradients of sigmoid and tanh. */
export const GRADIENT_CLAIMS: readonly Claim[] = [
  {
    id: 'relu.d1.positive', source: 'SEED Q1 (ReLU′ = 1 for x > 0)', statement: "ReLU'(x) = 1 for x > 0",
    check: ({ catalog }) => branchDerivative(catalog.get('relu'), '>', '1'),
  },
  {
    id: 'relu.d1.negative', source: 'SEED Q1 (ReLU′ = 0 for x < 0, "dying ReLU")', statement: "ReLU'(x) = 0 for x < 0",
    check: ({ catalog }) => branchDerivative(catalog.get('relu'), '<', '0'),
  },
  {
    id: 'relu.not-differentiable-at-0', source: 'SEED Q1', statement: 'ReLU is not differentiable at 0',
    check: ({ catalog }) => {
      const entry = catalog.get('relu');
      const [below, above] = (['<', '>'] as const).map((r) => derive(entry.branches!.find((b) => b.relation === r)!.expression, 'x'));
      const differ = proofLine(below!, above!, X);
      return differ.status === 'refuted'
        ? { status: 'proved', detail: `one-sided derivatives at 0 are ${below} (left) and ${above} (right) and differ: ${differ.line}` }
        : { status: 'undecided', detail: differ.line };
    },
  },
  {
    id: 'sigmoid.d1.vanishes', source: 'SEED Q1 (vanishing gradient)', statement: "sigmoid'(x) → 0 as |x| → ∞",
    check: ({ catalog }) => vanishing(derive(catalog.get('sigmoid').definition, 'x'), 'sigmoid(x)*sigmoid(-x)',
      'σ(x)σ(−x) ≤ min(σ(x), σ(−x)) = σ(−|x|) ≤ e^{−|x|} → 0'),
  },
  {
    id: 'tanh.d1.vanishes', source: 'SEED Q1 (vanishing gradient)', statement: "tanh'(x) → 0 as |x| → ∞",
    check: ({ catalog }) => vanishing(derive(catalog.get('tanh').definition, 'x'), '4/(exp(x)+exp(-x))^2', '4/(e^x + e^{−x})² ≤ 4e^{−2|x|} → 0'),
  },
];

function branchDerivative(entry: CatalogEntry, relation: '<' | '>', expected: string): ClaimVerdict {
  const branch = entry.branches?.find((b) => b.relation === relation);
  if (!branch) return { status: 'undecided', detail: `${entry.name} has no branch for x ${relation} 0` };
  const p = proofLine(derive(branch.expression, 'x'), expr(expected), X);
  return { status: p.status, detail: `on x ${relation} 0 ReLU(x) = ${branch.expression}; its derivative: ${p.line}` };
}

function vanishing(derivative: ReturnType<typeof derive>, closedForm: string, bound: string): ClaimVerdict {
  const p = proofLine(derivative, expr(closedForm), X);
  const samples = ['-40', '40'].map((x) => `f'(${x}) = ${short(valueAt(derivative, { x }).toString())}`).join(', ');
  return { status: p.status, detail: `argument: ${p.line}, and ${bound}; ${samples}` };
}
