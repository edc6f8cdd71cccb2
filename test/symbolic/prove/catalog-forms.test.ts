import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTRIES } from '../../../src/symbolic/catalog/builtin-entries.ts';
import { parseExpression as p } from '../../../src/symbolic/parse.ts';
import { prove } from '../../../src/symbolic/prove/index.ts';

const S = '(exp(z1)+exp(z2)+exp(z3))';
const SWISH_D1 = '1/(1+exp(-x)) + x*exp(-x)/(1+exp(-x))^2';
const MISH_D1 = 'tanh(log(1+exp(x))) + x*(1-tanh(log(1+exp(x)))^2)*exp(x)/(1+exp(x))';

/** What each catalog form should equal, written by hand (independent of derive.ts). */
const EXPECTED: Record<string, string> = {
  'sigmoid.d1.product': 'exp(-x)/(1+exp(-x))^2',
  'tanh.d1.one-minus-square': '4/(exp(x)+exp(-x))^2',
  'softplus.d1.sigmoid': 'exp(x)/(1+exp(x))',
  'relu.max': 'relu(x)',
  'swish.d1.product-rule': SWISH_D1, 'swish.d1.expanded': SWISH_D1, 'swish.d1.regrouped': SWISH_D1, 'swish.d1.self': SWISH_D1,
  'mish.definition.log': 'x*tanh(softplus(x))',
  'mish.d1.chain-rule': MISH_D1, 'mish.d1.mish-over-x': MISH_D1, 'mish.d1.swish-delta': MISH_D1, 'mish.d1.omega-delta': MISH_D1,
  'softmax_cross_entropy.dz1.softmax-minus-y': `-y1*(1 - exp(z1)/${S}) + (y2+y3)*exp(z1)/${S}`,
};

const forms = BUILTIN_ENTRIES.flatMap((entry) => entry.forms.map((form) => ({ entry, form })));

describe('every built-in catalog form is proved against a hand-written expectation', () => {
  it('has an expectation for every form', () => {
    expect(forms.map(({ form }) => form.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(forms.map(({ entry, form }) => [form.id, entry, form] as const))('%s', (_id, entry, form) => {
    const variables = [...entry.variables.map((v) => v.name), ...entry.parameters.map((q) => q.name)];
    const r = prove(form.expression, p(EXPECTED[form.id]!), { variables, ...(form.where ? { where: form.where } : {}) });
    expect(r.status, JSON.stringify(r)).toBe('proved');
  });

  it('refutes each Mish form with a perturbed expectation', () => {
    for (const { form } of forms.filter(({ form }) => form.id.startsWith('mish.d1'))) {
      const r = prove(form.expression, p(`${MISH_D1} + 1/(1+x^2)`), { variables: ['x'], ...(form.where ? { where: form.where } : {}) });
      expect(r.status, form.id).toBe('refuted');
    }
  });
});
