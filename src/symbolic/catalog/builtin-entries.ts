/**
 * The built-in catalog: the functions of the source document (SEED-DIGEST.md) and the losses it
 * compares, as data. Alternative forms quote the document; each is proved or refuted by `verify`.
 */
import type { MathNode } from 'mathjs';
import { parseExpression } from '../parse.ts';
import type { AlternativeForm, Branch, CatalogEntry, Fact, Interval, ParameterSpec, VariableSpec } from './catalog-entry.ts';

const REALS: Interval = { min: -Infinity, max: Infinity };
const UNIT_OPEN: Interval = { min: 0, max: 1, openMin: true, openMax: true };
const UNIT: Interval = { min: 0, max: 1 };
const p = (text: string): MathNode => parseExpression(text);
const x: VariableSpec = { name: 'x', domain: REALS };
const kinkAt0: Fact = { kind: 'kink', variable: 'x', at: 0 };

function branchesOf(below: string, above: string): Branch[] {
  return [
    { variable: 'x', relation: '<', at: 0, expression: p(below) },
    { variable: 'x', relation: '>', at: 0, expression: p(above) },
  ];
}

function form(id: string, source: string, text: string, target: AlternativeForm['target'], extra: Partial<AlternativeForm> = {}): AlternativeForm {
  return { id, source, expression: p(text), target, ...extra };
}
const d1 = { kind: 'derivative', wrt: 'x', order: 1 } as const;

const slope = (name: string, trainable: boolean, description: string): ParameterSpec => ({
  name, domain: REALS, default: trainable ? 0 : 0.01, trainable, description,
});
const beta: ParameterSpec = { name: 'beta', domain: REALS, default: 1, trainable: true, description: 'β; β = 1 gives Swish' };

const ENTRIES: Omit<CatalogEntry, 'origin'>[] = [
  {
    name: 'sigmoid', title: 'Sigmoid', kind: 'activation', variables: [x], parameters: [],
    definition: p('1/(1+exp(-x))'), tex: '\\sigma(x) = \\frac{1}{1+e^{-x}}',
    facts: [
      { kind: 'limit', of: 'f', variable: 'x', at: '+inf', value: 1 }, { kind: 'limit', of: 'f', variable: 'x', at: '-inf', value: 0 },
      { kind: 'limit', of: 'df', variable: 'x', at: '+inf', value: 0 }, { kind: 'limit', of: 'df', variable: 'x', at: '-inf', value: 0 },
      { kind: 'bound', lower: 0, upper: 1 }, { kind: 'monotonic', variable: 'x', increasing: true }, { kind: 'smooth', smooth: true },
    ],
    forms: [form('sigmoid.d1.product', 'SEED Q1.1 (σ′ = σ(1 − σ))', 'sigmoid(x)*(1-sigmoid(x))', d1)],
  },
  {
    name: 'tanh', title: 'Tanh', kind: 'activation', variables: [x], parameters: [], definition: p('tanh(x)'), tex: '\\tanh x',
    facts: [
      { kind: 'limit', of: 'f', variable: 'x', at: '+inf', value: 1 }, { kind: 'limit', of: 'df', variable: 'x', at: '+inf', value: 0 },
      { kind: 'limit', of: 'df', variable: 'x', at: '-inf', value: 0 }, { kind: 'bound', lower: -1, upper: 1 },
      { kind: 'monotonic', variable: 'x', increasing: true }, { kind: 'smooth', smooth: true },
    ],
    forms: [form('tanh.d1.one-minus-square', 'identity sech² = 1 − tanh²', '1 - tanh(x)^2', d1)],
  },
  {
    name: 'softplus', title: 'Softplus', kind: 'activation', variables: [x], parameters: [],
    definition: p('log(1+exp(x))'), tex: '\\operatorname{softplus}(x) = \\ln(1+e^{x})',
    stable: p('softplus(x)'),
    facts: [{ kind: 'bound', lower: 0 }, { kind: 'monotonic', variable: 'x', increasing: true }, { kind: 'smooth', smooth: true }],
    forms: [form('softplus.d1.sigmoid', 'SEED Q1 (softplus′ = σ)', 'sigmoid(x)', d1)],
  },
  {
    name: 'relu', title: 'ReLU', kind: 'activation', variables: [x], parameters: [], definition: p('relu(x)'),
    branches: branchesOf('0', 'x'), tex: '\\operatorname{ReLU}(x) = \\max(0, x)',
    facts: [kinkAt0, { kind: 'bound', lower: 0 }, { kind: 'monotonic', variable: 'x', increasing: true }, { kind: 'smooth', smooth: false }],
    forms: [form('relu.max', 'SEED Q1 (ReLU = max(0, x))', 'max(0, x)', { kind: 'function' })],
  },
  {
    name: 'leaky_relu', title: 'Leaky ReLU', kind: 'activation', variables: [x],
    parameters: [slope('alpha', false, 'slope for x < 0; any real (α = −1 gives |x|, α = 1 the identity)')],
    definition: p('relu(x) - alpha*relu(-x)'), branches: branchesOf('alpha*x', 'x'),
    tex: '\\operatorname{LeakyReLU}_\\alpha(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x < 0 \\end{cases}',
    facts: [kinkAt0], forms: [],
  },
  {
    name: 'prelu', title: 'PReLU', kind: 'activation', variables: [x],
    parameters: [slope('alpha', true, 'trainable slope for x < 0, one per channel, initialised to 0 (Keras)')],
    definition: p('relu(x) - alpha*relu(-x)'), branches: branchesOf('alpha*x', 'x'),
    tex: '\\operatorname{PReLU}_\\alpha(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x < 0 \\end{cases}',
    facts: [kinkAt0], forms: [],
  },
  {
    name: 'abs', title: 'Absolute value', kind: 'activation', variables: [x], parameters: [], definition: p('abs(x)'),
    branches: branchesOf('-x', 'x'), tex: '|x|', facts: [kinkAt0, { kind: 'bound', lower: 0 }], forms: [],
  },
  {
    name: 'identity', title: 'Identity', kind: 'activation', variables: [x], parameters: [], definition: p('x'), tex: 'x',
    facts: [{ kind: 'monotonic', variable: 'x', increasing: true }, { kind: 'smooth', smooth: true }], forms: [],
  },
  {
    name: 'swish', title: 'Swish', kind: 'activation', variables: [x], parameters: [], definition: p('x*sigmoid(x)'),
    tex: '\\operatorname{Swish}(x) = x\\,\\sigma(x)',
    facts: [
      { kind: 'minimum', variable: 'x', at: -1.2784645427610738, value: -0.2784645427610738, exact: '−W(1/e) at x = −(1 + W(1/e))' },
      { kind: 'limit', of: 'f', variable: 'x', at: '+inf', value: '+inf' }, { kind: 'limit', of: 'f', variable: 'x', at: '-inf', value: 0 },
      { kind: 'smooth', smooth: true },
    ],
    forms: [
      form('swish.d1.product-rule', 'SEED Q1.1 line 1', 'sigmoid(x) + x*sigmoid(x)*(1-sigmoid(x))', d1),
      form('swish.d1.expanded', 'SEED Q1.1 line 2', 'sigmoid(x) + x*sigmoid(x) - x*sigmoid(x)^2', d1),
      form('swish.d1.regrouped', 'SEED Q1.1 line 3', 'x*sigmoid(x) + sigmoid(x)*(1 - x*sigmoid(x))', d1),
      form('swish.d1.self', 'SEED Q1.1 line 4 (Swish′ = Swish + σ(1 − Swish))', 'swish(x) + sigmoid(x)*(1 - swish(x))', d1),
    ],
  },
  {
    name: 'swish_beta', title: 'Swish-β', kind: 'activation', variables: [x], parameters: [beta],
    definition: p('x*sigmoid(beta*x)'), tex: '\\operatorname{Swish}_\\beta(x) = x\\,\\sigma(\\beta x)', facts: [{ kind: 'smooth', smooth: true }], forms: [],
  },
  {
    name: 'swish_2beta', title: 'Swish-β (2x form)', kind: 'activation', variables: [x], parameters: [beta],
    definition: p('2*x*sigmoid(beta*x)'), tex: 'f(x;\\beta) = 2x\\,\\sigma(\\beta x)', facts: [{ kind: 'smooth', smooth: true }], forms: [],
  },
  {
    name: 'mish', title: 'Mish', kind: 'activation', variables: [x], parameters: [], definition: p('x*tanh(softplus(x))'),
    tex: '\\operatorname{Mish}(x) = x\\tanh(\\operatorname{softplus}(x))',
    facts: [
      { kind: 'minimum', variable: 'x', at: -1.1924312145154952, value: -0.3088434130172504 },
      { kind: 'limit', of: 'f', variable: 'x', at: '+inf', value: '+inf' }, { kind: 'limit', of: 'f', variable: 'x', at: '-inf', value: 0 },
      { kind: 'smooth', smooth: true },
    ],
    forms: [
      form('mish.definition.log', 'SEED Q1 (Mish = x tanh(ln(1 + e^x)))', 'x*tanh(log(1+e^x))', { kind: 'function' }),
      form('mish.d1.chain-rule', 'SEED Q1.2 line 1', 'tanh(log(1+e^x)) + x*sech(log(1+e^x))^2*e^x/(e^x+1)', d1),
      form('mish.d1.mish-over-x', 'SEED Q1.2 line 2', 'mish(x)/x + x*(e^x/(e^x+1))*sech(log(1+e^x))^2', d1, {
        note: 'Mish(x)/x is undefined at x = 0: a removable singularity',
      }),
      form('mish.d1.swish-delta', 'SEED Q1.2 line 3 / Q1.4 (Mish′ = Mish/x + Swish·Δ)', 'mish(x)/x + swish(x)*sech(softplus(x))^2', d1, {
        note: 'Mish(x)/x is undefined at x = 0: a removable singularity',
      }),
      form('mish.d1.omega-delta', 'SEED Q1.3 (expanded closed form e^x ω/δ²)', 'e^x*omega/delta^2', d1, {
        where: { omega: p('4(x+1) + 4e^(2x) + e^(3x) + e^x*(4x+6)'), delta: p('2e^x + e^(2x) + 2') },
      }),
    ],
  },
  {
    name: 'bce', title: 'Binary cross-entropy', kind: 'loss',
    variables: [{ name: 'a', domain: UNIT_OPEN, description: 'prediction' }, { name: 'y', domain: UNIT, description: 'target' }],
    parameters: [], definition: p('-y*log(a) - (1-y)*log(1-a)'), tex: '\\operatorname{BCE}(a, y) = -y\\ln a - (1-y)\\ln(1-a)',
    facts: [{ kind: 'bound', lower: 0, over: 'a ∈ (0, 1), y ∈ {0, 1}' }], forms: [],
  },
  {
    name: 'mse', title: 'Mean squared error', kind: 'loss',
    variables: [{ name: 'a', domain: UNIT, description: 'prediction' }, { name: 'y', domain: UNIT, description: 'target' }],
    parameters: [], definition: p('(y-a)^2'), tex: '\\operatorname{MSE}(a, y) = (y - a)^2',
    facts: [{ kind: 'bound', lower: 0, upper: 1, over: 'a, y ∈ [0, 1]' }], forms: [],
  },
  {
    name: 'bce_logits', title: 'BCE with logits', kind: 'loss',
    variables: [{ name: 'z', domain: REALS, description: 'logit' }, { name: 'y', domain: UNIT, description: 'target' }],
    parameters: [], definition: p('-y*log(sigmoid(z)) - (1-y)*log(1-sigmoid(z))'), stable: p('softplus(z) - y*z'),
    tex: '\\operatorname{BCE}(\\sigma(z), y) = \\operatorname{softplus}(z) - y z', facts: [{ kind: 'bound', lower: 0, over: 'y ∈ {0, 1}' }], forms: [],
  },
  {
    name: 'softmax_cross_entropy', title: 'Softmax cross-entropy (3 classes)', kind: 'loss',
    variables: ['z1', 'z2', 'z3', 'y1', 'y2', 'y3'].map((name) => ({ name, domain: name.startsWith('y') ? UNIT : REALS })),
    parameters: [],
    definition: p('-(y1*log(exp(z1)/(exp(z1)+exp(z2)+exp(z3))) + y2*log(exp(z2)/(exp(z1)+exp(z2)+exp(z3))) + y3*log(exp(z3)/(exp(z1)+exp(z2)+exp(z3))))'),
    stable: p('(y1+y2+y3)*log(exp(z1)+exp(z2)+exp(z3)) - (y1*z1 + y2*z2 + y3*z3)'),
    tex: '-\\sum_{i=1}^{3} y_i \\ln \\frac{e^{z_i}}{\\sum_j e^{z_j}}', facts: [{ kind: 'bound', lower: 0, over: 'y a probability vector' }],
    forms: [form('softmax_cross_entropy.dz1.softmax-minus-y', 'softmax − y (for Σy = 1, scaled by Σy in general)',
      '(y1+y2+y3)*exp(z1)/(exp(z1)+exp(z2)+exp(z3)) - y1', { kind: 'derivative', wrt: 'z1', order: 1 })],
  },
];

/** The built-in catalog entries, in a fixed order. Parsed once, on first use. */
export const BUILTIN_ENTRIES: readonly CatalogEntry[] = ENTRIES.map((e) => ({ ...e, origin: 'builtin' }));
