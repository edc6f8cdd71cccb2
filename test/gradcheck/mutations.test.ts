import { describe, expect, it } from 'vitest';
import { builtinCatalog, parseExpression } from '../../src/symbolic/index.ts';
import { gradcheck, gradcheckEntry, type GradcheckReport } from '../../src/gradcheck/index.ts';

const catalog = builtinCatalog();
const caught = (r: GradcheckReport) => {
  expect(r.status).toBe('fail');
  expect(r.failureCount).toBeGreaterThan(0);
  expect(r.worst).not.toBeNull();
  expect(r.failures[0]!.absError).toBeGreaterThan(r.failures[0]!.tolerance);
};

describe('deliberately wrong derivatives are caught', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    it(`a missing chain-rule factor (${dtype})`, () => {
      caught(gradcheck({ f: 'sigmoid(2*x)', df: 'sigmoid(2*x)*(1 - sigmoid(2*x))', variable: 'x', dtype }));
      caught(gradcheckEntry(catalog.get('swish_beta'), {
        dtype, wrt: 'x', params: { beta: 1.5 },
        df: { x: parseExpression('sigmoid(beta*x) + x*sigmoid(beta*x)*(1 - sigmoid(beta*x))') },
      }));
    });

    it(`a sign error (${dtype})`, () => {
      const r = gradcheckEntry(catalog.get('tanh'), { dtype, df: { x: parseExpression('tanh(x)^2 - 1') } });
      caught(r);
      expect(r.failures[0]!.hint).toMatch(/sign error/);
    });

    it(`a factor of 2 (${dtype})`, () => {
      const r = gradcheckEntry(catalog.get('mse'), { dtype, wrt: 'a', df: { a: parseExpression('a - y') } });
      caught(r);
      expect(r.failures[0]!.hint).toMatch(/factor of 2/);
    });

    it(`σ(x) in place of σ(−x) (${dtype})`, () => {
      caught(gradcheckEntry(catalog.get('sigmoid'), { dtype, df: { x: parseExpression('sigmoid(x)*sigmoid(x)') } }));
      caught(gradcheckEntry(catalog.get('swish'), { dtype, df: { x: parseExpression('sigmoid(x) + x*sigmoid(x)*sigmoid(x)') } }));
    });

    it(`Mish′ missing its Δ term (${dtype})`, () => {
      // Mish′ = Mish/x + Swish·Δ with Δ = sech²(softplus x); dropping Swish·Δ leaves tanh(softplus x)
      caught(gradcheckEntry(catalog.get('mish'), { dtype, df: { x: parseExpression('tanh(softplus(x))') } }));
    });

    it(`the BCE gradient with y and 1 − y swapped (${dtype})`, () => {
      caught(gradcheckEntry(catalog.get('bce'), { dtype, wrt: 'a', df: { a: parseExpression('-(1-y)/a + y/(1-a)') } }));
      caught(gradcheckEntry(catalog.get('bce_logits'), { dtype, wrt: 'z', df: { z: parseExpression('sigmoid(z) - (1 - y)') } }));
    });
  }

  it('an error confined to a small region is still found (seeded random + special points)', () => {
    caught(gradcheck({ f: 'x*sigmoid(x)', df: 'sigmoid(x) + x*sigmoid(x)*sigmoid(-x) + 1e-3*relu(1 - abs(x - 5))', variable: 'x' }));
  });

  it('an exact input does not inflate the tolerance: a wrong Swish′ is caught beyond |x| = 25', () => {
    // σ(x) + x·eˣ·(1 − σ(x)) ≈ 1 + x there, Swish′ ≈ 1; the input's own rounding (u·|x|) once grew the tolerance like e^|x|
    for (const x of [29.842130530243622, 35]) {
      const r = gradcheck({ f: 'x*sigmoid(x)', df: 'sigmoid(x) + x*e^x*(1 - sigmoid(x))', variable: 'x', at: [x] });
      caught(r);
      expect(r.failures[0]!.tolerance).toBeLessThan(1);
    }
    // the correct form passes at the same points
    expect(gradcheck({ f: 'x*sigmoid(x)', df: 'sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))', variable: 'x', at: [29.842130530243622, 35] }).status).toBe('pass');
  });

  it('an ill-conditioned analytic value that passes only within its rounding bound is judged at 50 digits', () => {
    // e^−x/(e^−x − 1)² is not σ′ (that is e^−x/(e^−x + 1)²); at x = ε its worst-case rounding bound exceeds its value
    const wrong = gradcheck({ f: 'sigmoid(x)', df: 'e^(-x)/(e^(-x) - 1)^2', variable: 'x', at: [2.220446049250313e-16] });
    caught(wrong);
    expect(wrong.failures[0]!.hint).toMatch(/50 digits/);
    // a correct but cancelling form still passes where its float value is poor: (1 − σ(x))·σ(x) at x = 30
    expect(gradcheck({ f: 'sigmoid(x)', df: '(1 - sigmoid(x))*sigmoid(x)', variable: 'x', at: [2.220446049250313e-16, 30, 36] }).status).toBe('pass');
  });

  it('the same seed reproduces the same report', () => {
    const run = () => gradcheck({ f: 'tanh(x)', df: 'sech(x)', variable: 'x', seed: 42 });
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
    expect(run().seed).toBe(42);
  });
});
