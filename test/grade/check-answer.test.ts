import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/grade/index.ts';
import { BUILTIN_ENTRIES, derive, toTex } from '../../src/symbolic/index.ts';

/** Catalog derivatives: d/d(first variable) of every entry, and d/d(parameter) where there is one. */
const TARGETS = BUILTIN_ENTRIES.flatMap((e) => [
  { of: e.name, wrt: e.variables[0]!.name },
  ...e.parameters.map((p) => ({ of: e.name, wrt: p.name })),
]);

describe('checkAnswer: correct and incorrect answers for every catalog derivative', () => {
  for (const { of, wrt } of TARGETS) {
    it(`d ${of} / d ${wrt}`, () => {
      const entry = BUILTIN_ENTRIES.find((e) => e.name === of)!;
      const derivative = derive(entry.definition, wrt);
      // As TeX for every entry: piecewise derivatives print heaviside as H(x), which reads back as heaviside.
      const correct = toTex(derivative);
      const right = checkAnswer({ derivativeOf: of, wrt, answer: correct });
      expect(right.verdict, `${correct}: ${right.notes.join('; ')}`).toBe('equivalent');
      const wrong = `3\\left(${correct}\\right)`;
      const refuted = checkAnswer({ derivativeOf: of, wrt, answer: wrong });
      expect(refuted.verdict).toBe('not-equivalent');
      expect(refuted.counterexample?.difference).toMatch(/\d/);
      expect(refuted.diagnosis?.kind).toBe('constant-factor');
      expect(refuted.diagnosis?.fields.factor).toBe('3');
    });
  }
});

describe('checkAnswer: the source document forms in LaTeX', () => {
  it('proves the Swish forms (Q1.1)', () => {
    for (const answer of ['\\sigma(x) + x\\sigma(x)(1-\\sigma(x))', '\\sigma(x) + x\\sigma(x) - x\\sigma(x)^2',
      'x\\sigma(x) + \\sigma(x)(1 - x\\sigma(x))', '\\text{Swish}(x) + \\sigma(x)(1 - \\text{Swish}(x))']) {
      expect(checkAnswer({ derivativeOf: 'swish', answer }).verdict, answer).toBe('equivalent');
    }
  });

  it('proves the ω/δ closed form with --where definitions (Q1.3)', () => {
    const result = checkAnswer({
      derivativeOf: 'mish', answer: '\\frac{e^{x}\\omega}{\\delta^{2}}',
      where: ['\\omega = 4(x+1)+4e^{2x}+e^{3x}+e^x(4x+6)', '\\delta = 2e^x + e^{2x} + 2'],
    });
    expect(result.verdict).toBe('equivalent');
    expect(result.readAs).toContain('\\omega');
  });

  it('proves Mish/x + Swish·Δ, noting the removable singularity at 0 (Q1.2, Q1.4)', () => {
    const result = checkAnswer({
      derivativeOf: 'mish', answer: '\\frac{\\text{Mish}(x)}{x} + \\text{Swish}(x)\\Delta(x)',
      where: ['\\Delta(x) = \\operatorname{sech}^2(\\operatorname{softplus}(x))'],
    });
    expect(result.verdict).toBe('equivalent');
    expect(result.notes.join(' ')).toMatch(/removable-singularity/);
  });

  it('refutes a wrong ω (a changed coefficient) with a counterexample', () => {
    const result = checkAnswer({
      derivativeOf: 'mish', answer: '\\frac{e^{x}\\omega}{\\delta^{2}}',
      where: ['\\omega = 4(x+1)+4e^{2x}+e^{3x}+e^x(4x+5); \\delta = 2e^x + e^{2x} + 2'],
    });
    expect(result.verdict).toBe('not-equivalent');
    expect(Object.keys(result.counterexample!.point)).toEqual(['x']);
  });
});

describe('checkAnswer: each diagnostic, named when it is the explanation', () => {
  const cases: [string, Parameters<typeof checkAnswer>[0], string, RegExp][] = [
    ['wrong sign', { derivativeOf: 'swish', answer: '-\\sigma(x) - x\\sigma(x)(1-\\sigma(x))' }, 'wrong-sign', /sign is wrong/],
    ['constant factor', { derivativeOf: 'sigmoid', answer: '\\frac{1}{2}\\sigma(x)(1-\\sigma(x))' }, 'constant-factor', /1\/2 times/],
    ['missing chain factor (Mish)', { derivativeOf: 'mish', answer: '\\tanh(\\operatorname{softplus}(x)) + x\\operatorname{sech}^2(\\operatorname{softplus}(x))' }, 'missing-chain-factor', /inner derivative sigmoid\(x\)$/],
    ['missing chain factor (Swish-β)', { derivativeOf: 'swish_beta', wrt: 'x', answer: '\\sigma(\\beta x) + x\\sigma(\\beta x)(1-\\sigma(\\beta x))' }, 'missing-chain-factor', /beta/],
    ['wrong variable', { derivativeOf: 'swish_beta', wrt: 'x', answer: 'x^2\\sigma(\\beta x)(1-\\sigma(\\beta x))' }, 'wrong-variable', /with respect to beta instead of x/],
    ['integrated', { derivativeOf: 'sigmoid', answer: '\\ln(1+e^{x}) + 5' }, 'integrated', /integrated instead of differentiated/],
    ['not differentiated', { derivativeOf: 'softplus', answer: '\\ln(1+e^x)' }, 'not-differentiated', /function itself/],
    ['additive constant', { derivativeOf: 'tanh', answer: '2 - \\tanh^2(x)' }, 'constant-difference', /additive constant: .* by 1/],
  ];
  for (const [name, input, kind, message] of cases) {
    it(name, () => {
      const result = checkAnswer(input);
      expect(result.verdict).toBe('not-equivalent');
      expect(result.diagnosis?.kind).toBe(kind);
      expect(result.diagnosis?.message).toMatch(message);
      expect(result.diagnosis?.evidence).toBe('proved');
      // Plain text for the CLI and CSV: no TeX commands or braces.
      expect(result.diagnosis?.message).not.toMatch(/[\\{}$]/);
    });
  }

  it('gives the diagnosis again with its formulas as $…$ TeX, for pages that render TeX', () => {
    const chain = checkAnswer(cases[2]![1]).diagnosis!;
    expect(chain.message).toBe('a chain-rule factor is missing: the answer lacks the inner derivative sigmoid(x)');
    expect(chain.messageTex).toMatch(/^a chain-rule factor is missing: the answer lacks the inner derivative \$[^$]*\\sigma[^$]*\$$/);
    expect(chain.fields.factor).toBe('sigmoid(x)');
    const factor = checkAnswer(cases[1]![1]).diagnosis!;
    expect(factor.messageTex).toContain('$\\frac{1}{2}$ times');
    expect(factor.message).toContain(' 1/2 times');
  });

  it('gives no diagnosis when no common mistake explains the answer', () => {
    const result = checkAnswer({ derivativeOf: 'swish', answer: 'x^3 + 1' });
    expect(result.verdict).toBe('not-equivalent');
    expect(result.diagnosis).toBeUndefined();
  });

  it('reports a domain mismatch beyond a removable singularity', () => {
    const result = checkAnswer({ expected: 'x', answer: '\\sqrt{x}^2', variables: ['x'] });
    expect(result.notes.join(' ')).toMatch(/domain mismatch: the answer is undefined at x = -/);
  });

  it('does not mistake float overflow for a domain mismatch', () => {
    const result = checkAnswer({ derivativeOf: 'swish', answer: '(1+e^{3x})^{64} - (1+e^{3x})^{64} + \\sigma(x) + x\\sigma(x)(1-\\sigma(x))' });
    expect(result.verdict).toBe('equivalent');
    expect(result.notes.join(' ')).not.toMatch(/domain mismatch/);
  });

  it('parses text answers too, with mathjs traps fixed', () => {
    expect(checkAnswer({ expected: '4x^2+6x', answer: 'x(4x+6)' }).verdict).toBe('equivalent');
  });

  it('refuses unparsable answers and unknown symbols with positions', () => {
    expect(() => checkAnswer({ derivativeOf: 'swish', answer: '\\frac{1}{' })).toThrow(/at position \d+/);
    expect(() => checkAnswer({ derivativeOf: 'swish', answer: 'x + q' })).toThrow(/unknown symbol 'q'.*\(at position 4\)/);
  });
});
