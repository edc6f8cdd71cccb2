import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { bignumber } from 'mathjs';
import { evaluatePrecise } from '../../../src/symbolic/evaluate-precise.ts';
import { isGradproofError } from '../../../src/symbolic/error.ts';
import { parseExpression as p } from '../../../src/symbolic/parse.ts';
import { prove, type ProofResult } from '../../../src/symbolic/prove/index.ts';

const x = { variables: ['x'] };
const proveText = (a: string, b: string, variables = ['x'], extra = {}): ProofResult => prove(p(a), p(b), { variables, ...extra });

describe('prove: true identities are proved in the exp/log normal form', () => {
  it.each([
    ['sigmoid(-x)', '1 - sigmoid(x)'],
    ['tanh(log(1+e^x))', '(e^(2x)+2e^x)/(e^(2x)+2e^x+2)'],
    ['sech(x)^2', '1 - tanh(x)^2'],
    ['sigmoid(x)*(1-sigmoid(x))', 'exp(-x)/(1+exp(-x))^2'],
    ['cosh(x)^2 - sinh(x)^2', '1'],
    ['log1p(exp(x))', 'softplus(x)'],
    ['(e^(x/2))^2', 'exp(x)'],
    ['sqrt(exp(x))', 'exp(x/2)'],
    ['log(4)', '2*log(2)'],
    ['log(exp(x)*(1+exp(x)))', 'x + softplus(x)'],
    ['x^2*sigmoid(beta*x)', 'x^2 - x^2*sigmoid(-beta*x)'],
    ['tanh(softplus(x)) + x*sech(softplus(x))^2*sigmoid(x)', 'e^x*(4(x+1) + 4e^(2x) + e^(3x) + e^x*(4x+6))/(2e^x + e^(2x) + 2)^2'],
  ])('%s = %s', (a, b) => {
    const r = proveText(a, b, ['x', 'beta']);
    expect(r.status, JSON.stringify(r)).toBe('proved');
    if (r.status !== 'proved') return;
    expect(r.method).toBe('exp-log-normal-form');
    expect(r.certificate.steps.at(-1)!.text).toMatch(/identically 0/);
  });

  it('proves bce with logits equal to softplus(z) − y·z, and the softmax cross-entropy stable form', () => {
    expect(proveText('-y*log(sigmoid(z)) - (1-y)*log(1-sigmoid(z))', 'softplus(z) - y*z', ['z', 'y']).status).toBe('proved');
    const lse = 'log(exp(z1)+exp(z2)+exp(z3))';
    const def = `-(y1*log(exp(z1)/(exp(z1)+exp(z2)+exp(z3))) + y2*log(exp(z2)/(exp(z1)+exp(z2)+exp(z3))) + y3*log(exp(z3)/(exp(z1)+exp(z2)+exp(z3))))`;
    expect(proveText(def, `(y1+y2+y3)*${lse} - (y1*z1 + y2*z2 + y3*z3)`, ['z1', 'z2', 'z3', 'y1', 'y2', 'y3']).status).toBe('proved');
  });

  it('uses where definitions (the Mish ω/δ closed form) and names t = e^x in the certificate', () => {
    const r = prove(p('e^x*omega/delta^2'), p('tanh(softplus(x)) + x*sech(softplus(x))^2*sigmoid(x)'), {
      variables: ['x'], where: { omega: p('4(x+1) + 4e^(2x) + e^(3x) + e^x*(4x+6)'), delta: p('2e^x + e^(2x) + 2') },
    });
    expect(r.status).toBe('proved');
    if (r.status === 'proved') expect(r.certificate.steps.map((s) => s.text)).toContain('let t = e^(x)');
  });

  it('notes the removable singularity of Mish(x)/x at 0 while proving Mish′ = Mish/x + Swish·sech²(softplus)', () => {
    const r = proveText('mish(x)/x + swish(x)*sech(softplus(x))^2', 'tanh(softplus(x)) + x*sech(softplus(x))^2*sigmoid(x)');
    expect(r.status).toBe('proved');
    const note = r.domainNotes.find((n) => n.kind === 'removable-singularity');
    expect(note?.point).toEqual({ x: '0' });
    expect(note?.side).toBe('a');
  });

  it('reports a point where only one side is defined, when the limits disagree', () => {
    const r = proveText('x/x', '1');
    expect(r.status).toBe('proved');
    expect(r.domainNotes[0]?.kind).toBe('removable-singularity');
    const s = proveText('sqrt(x)^2 + 1/x - 1/x', 'sqrt(x)^2');
    expect(s.domainNotes.some((n) => n.point.x === '0' && n.side === 'a')).toBe(true);
  });
});

describe('prove: near misses are refuted with high-precision witnesses', () => {
  it.each([
    ['sigmoid(x)', '1 - sigmoid(x)', 'σ(x) for σ(−x)'],
    ['sech(x)^2', '1 - tanh(x)^2 + 1/1000', 'off by a constant'],
    ['sigmoid(x)*(1-sigmoid(x))', '-sigmoid(x)*(1-sigmoid(x))', 'a sign'],
    ['tanh(log(1+e^x))', '2*(e^(2x)+2e^x)/(e^(2x)+2e^x+2)', 'a factor 2'],
    ['e^x*omega/delta^2', 'tanh(softplus(x)) + x*sech(softplus(x))^2*sigmoid(x)', 'a wrong ω'],
  ])('%s ≠ %s (%s)', (a, b) => {
    const where = { omega: p('4(x+1) + 4e^(2x) + e^(3x) + e^x*(4x+5)'), delta: p('2e^x + e^(2x) + 2') };
    const r = proveText(a, b, ['x'], { where });
    expect(r.status).toBe('refuted');
    if (r.status !== 'refuted') return;
    const { point, a: va, b: vb, difference } = r.witness;
    expect(Object.keys(point)).toEqual(['x']);
    const digits = (s: string) => s.replace(/^-?0\.0*|[-.]|e.*$/g, '').length;
    expect(Math.max(digits(va), digits(vb))).toBeGreaterThanOrEqual(40);
    expect(bignumber(va).minus(bignumber(vb)).minus(bignumber(difference)).abs().lt(bignumber('1e-40'))).toBe(true);
    expect(bignumber(difference).abs().gt(bignumber('1e-6'))).toBe(true);
    // The witness replays: evaluating b at the point gives the reported value.
    expect(evaluatePrecise(p(b), point, { digits: 45 }).toString()).toBe(vb);
  });

  it('never takes cancellation for a difference: digits lost to e^1000 are added back', () => {
    const wrong = proveText('sqrt(x)^2 + exp(1000) - exp(1000)', 'sqrt(x)^2 + 1');
    expect(wrong.status === 'refuted' && wrong.witness.a).toBe('1');
    const right = proveText('sqrt(x)^2 + exp(1000) - exp(1000)', 'x');
    expect(right.status).toBe('undecided');
  });

  it('prefers a small integer point', () => {
    const r = proveText('sigmoid(x)', 'sigmoid(-x)');
    expect(r.status === 'refuted' && r.witness.point).toEqual({ x: '1' });
  });
});

describe('prove: piecewise functions by case split', () => {
  it.each([
    ['relu(x)', 'max(0, x)'],
    ['abs(x)', 'x*sign(x)'],
    ['relu(x) - relu(-x)', 'x'],
    ['relu(x - 1)', 'max(x, 1) - 1'],
    ['heaviside(x)', '(1 + sign(x))/2'],
    ['relu(relu(x) - 1)', 'relu(x - 1)'],
    ['abs(x)*sigmoid(x)', 'sign(x)*swish(x)'],
  ])('%s = %s', (a, b) => {
    const r = proveText(a, b);
    expect(r.status, JSON.stringify(r)).toBe('proved');
    if (r.status === 'proved') {
      expect(r.method).toBe('case-split + exp-log-normal-form');
      expect(r.certificate.steps[0]!.text).toMatch(/^split at x = /);
    }
  });

  it('restricts the split to the assumed interval', () => {
    const positive = { assumptions: [{ variable: 'x', relation: '>', value: 0 }] };
    expect(proveText('relu(x)', 'x', ['x'], positive).status).toBe('proved');
    expect(proveText('relu(x)', 'x').status).toBe('refuted');
    const r = proveText('relu(x)', 'x + 1', ['x'], positive);
    expect(r.status === 'refuted' && Number(r.witness.point.x) > 0).toBe(true);
  });

  it('notes a kink point where the sides differ', () => {
    const r = proveText('heaviside(x)', 'relu(x)/x');
    expect(r.status).toBe('proved');
    expect(r.domainNotes.some((n) => n.point.x === '0')).toBe(true);
  });

  it('refutes a wrong branch and gives up (undecided or refuted) on a parameter-dependent kink', () => {
    expect(proveText('relu(x)', 'abs(x)').status).toBe('refuted');
    expect(proveText('relu(beta*x)', 'beta*relu(x)', ['x', 'beta']).status).toBe('refuted');
    const same = proveText('relu(beta*x) + 1', '1 + relu(beta*x)', ['x', 'beta']);
    expect(same.status).toBe('proved');
  });
});

describe('prove: outside the fragment, hostile input, options', () => {
  it('never proves by sampling: sqrt(x)^2 = x for x >= 0 is undecided with the reason', () => {
    const r = proveText('sqrt(x)^2', 'x');
    expect(r.status).toBe('undecided');
    if (r.status === 'undecided') expect(r.reason).toMatch(/sqrt.*sample points/);
  });

  it('reduces roots of positive arguments: t^q = P for t = P^(1/q)', () => {
    const positive = { assumptions: [{ variable: 'x', relation: '>', value: 0 }] };
    const r = proveText('sqrt(x)^2', 'x', ['x'], positive);
    expect(r.status).toBe('proved');
    if (r.status === 'proved') expect(r.certificate.steps.some((s) => s.text.startsWith('reduce with t^2 = x'))).toBe(true);
    expect(proveText('sqrt(1+exp(2*x))^3', '(1+exp(2*x))*sqrt(1+exp(2*x))').status).toBe('proved');
    expect(proveText('sqrt(exp(2*x) + 1) - exp(x)', '1/(sqrt(exp(2*x)+1) + exp(x))').status).toBe('proved');
    expect(proveText('((1+exp(x))^(1/3))^3', '1+exp(x)').status).toBe('proved');
    expect(proveText('sqrt(x)*sqrt(x) + 1', 'x', ['x'], positive).status).toBe('refuted');
  });

  it('splits ln x when x > 0 is assumed', () => {
    expect(proveText('log(x^2*exp(x))', '2*log(x) + x', ['x'], { assumptions: [{ variable: 'x', relation: '>', value: 0 }] }).status).toBe('proved');
    expect(proveText('log(x^2*exp(x))', '2*log(x) + x').status).not.toBe('proved');
  });

  it('answers within its budget on large or deep input', () => {
    const big = prove(p('(1+x+y+z)^64*(1+x-y)^64'), p('(1+x-y)^64*(1+x+y+z)^64 + 1'), { variables: ['x', 'y', 'z'], timeBudgetMs: 100 });
    expect(['refuted', 'undecided']).toContain(big.status);
    const tower = proveText('e^(e^(e^x))', 'exp(exp(exp(x)))');
    expect(tower.status).toBe('proved');
    const huge = proveText('exp(4000*x)*exp(-4000*x)', '1');
    expect(huge.status).toBe('proved');
    const hostile = proveText('exp(5000*x)', 'exp(5000*x) + 1');
    expect(['refuted', 'undecided']).toContain(hostile.status);
  });

  it('treats 1/(x − x) as undefined, not as a crash', () => {
    const r = proveText('1/(x-x)', '1');
    expect(r.status).toBe('undecided');
  });

  it('records a trace when asked', () => {
    const r = proveText('sigmoid(-x)', '1 - sigmoid(x)', ['x'], { trace: true });
    expect(r.trace?.some((line) => line.startsWith('expand:sigmoid'))).toBe(true);
  });

  it('validates options', () => {
    for (const bad of [{ variables: ['1x'] }, { variables: ['x'], timeBudgetMs: -1 }, { variables: ['x'], assumptions: [{ variable: 'x', relation: '!', value: 0 }] }]) {
      try {
        prove(p('x'), p('x'), bad as never);
        expect.unreachable();
      } catch (error) {
        expect(isGradproofError(error, 'GP_INPUT')).toBe(true);
      }
    }
    expect(() => prove(p('a'), p('b'), { variables: [], where: { a: p('b'), b: p('a') } })).toThrowError(/cycles/);
    expect(prove(p('x'), p('x'), x).status).toBe('proved');
  });
});

describe('prove: certificates', () => {
  it.each([
    ['mish(x)/x + swish(x)*sech(softplus(x))^2', 'tanh(softplus(x)) + x*sech(softplus(x))^2*sigmoid(x)'],
    ['relu(x)', 'max(0, x)'],
    ['log(4)', '2*log(2)'],
    ['relu(beta*x) + 1', '1 + relu(beta*x)'],
    ['sqrt(exp(x))', 'exp(x/2)'],
  ])('every TeX step of %s = %s renders with KaTeX (strict)', (a, b) => {
    const r = proveText(a, b, ['x', 'beta']);
    expect(r.status).toBe('proved');
    if (r.status !== 'proved') return;
    expect(r.certificate.steps.length).toBeGreaterThan(2);
    for (const step of r.certificate.steps) expect(() => katex.renderToString(step.tex, { throwOnError: true, strict: 'error' }), step.tex).not.toThrow();
  });
});
