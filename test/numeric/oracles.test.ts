import { describe, expect, it } from 'vitest';
import { deriveN, derive, parseExpression } from '../../src/symbolic/index.ts';
import {
  COMPLEX_ALGEBRA, Complex, DerivativeOracles, autoDerivative, compileAlgebra, exactStep, referenceValue, ulpError,
} from '../../src/numeric/index.ts';

const FUNCTIONS = ['x*tanh(softplus(x))', 'x*sigmoid(x)', 'exp(x)/(1+x^2)', 'log1p(x^2) + sqrt(1 + x^2)', 'sech(x)*sinh(x/2) + cosh(x/3)', 'tanh(x)^3'];
const POINTS = [-7.5, -1.19, -0.3, 0, 1e-3, 0.8, 2.5, 9];

describe('derivative oracles', () => {
  for (const text of FUNCTIONS) {
    it(`estimate d/dx ${text} within their own error estimates`, () => {
      const node = parseExpression(text);
      const oracles = new DerivativeOracles(node, ['x']);
      const d = derive(node, 'x');
      for (const x of POINTS) {
        const exact = referenceValue(d, { x });
        for (const oracle of ['auto', 'forward', 'central', 'five-point', 'richardson', 'complex-step', 'dual'] as const) {
          const e = oracles.estimate([x], 0, { oracle });
          const slack = 4 * e.error + 1e-15 * Math.abs(exact) + 1e-300;
          expect(Math.abs(e.value - exact), `${oracle} at ${x}: ${e.value} vs ${exact}, error estimate ${e.error}`).toBeLessThanOrEqual(slack);
        }
      }
    });
  }

  it('complex step and dual numbers are exact to a few ulps', () => {
    const node = parseExpression('x*tanh(softplus(x))');
    const oracles = new DerivativeOracles(node, ['x']);
    const d = derive(node, 'x');
    for (const x of [-30, -2, 0.5, 4, 40]) {
      const exact = referenceValue(d, { x });
      expect(ulpError(oracles.estimate([x], 0, { oracle: 'dual' }).value, exact)).toBeLessThanOrEqual(8);
      expect(ulpError(oracles.estimate([x], 0, { oracle: 'complex-step' }).value, exact)).toBeLessThanOrEqual(8);
    }
  });

  it('hyper-dual numbers give second derivatives', () => {
    for (const text of ['x*sigmoid(x)', 'x*tanh(softplus(x))', 'log(1+x^2)*exp(-x)']) {
      const node = parseExpression(text);
      const oracles = new DerivativeOracles(node, ['x']);
      const d2 = deriveN(node, 'x', 2);
      for (const x of [-3, -0.5, 0.25, 2]) {
        const exact = referenceValue(d2, { x });
        expect(Math.abs(oracles.secondDerivative([x], 0).value - exact)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(exact)));
      }
    }
  });

  it('complex functions carry value and derivative at once', () => {
    for (const name of ['exp', 'log', 'log1p', 'sqrt', 'tanh', 'sinh', 'cosh', 'sech', 'sigmoid', 'softplus', 'swish', 'mish']) {
      const node = parseExpression(`${name}(x)`);
      const f = compileAlgebra(node, ['x'], COMPLEX_ALGEBRA);
      for (const x of [0.3, 1.7, 5]) {
        const h = 2 ** -500;
        const z = f([new Complex(x, h)]);
        expect(ulpError(z.re, referenceValue(node, { x })), `${name}(${x})`).toBeLessThanOrEqual(4);
        expect(ulpError(z.im / h, referenceValue(derive(node, 'x'), { x })), `${name}'(${x})`).toBeLessThanOrEqual(8);
      }
    }
  });

  it('takes exactly representable steps', () => {
    for (const x of [0.1, 1 / 3, -7.3, 1e-5, 123456.789]) {
      for (const h of [1e-3, 2 ** -20, 0.1]) {
        const s = exactStep(x, h);
        expect((x + s) - x).toBe(s);
      }
    }
  });

  it('automatic step selection works at large and tiny scales', () => {
    expect(ulpError(autoDerivative(Math.exp, 1).value, Math.E)).toBeLessThan(1e4);
    expect(ulpError(autoDerivative(Math.log, 1e6).value, 1e-6)).toBeLessThan(1e4);
    expect(ulpError(autoDerivative((t) => t * t, 1e6).value, 2e6)).toBeLessThan(1e3);
    const tiny = autoDerivative((t) => t * t + 3 * t, 1e-300);
    expect(tiny.value).toBeCloseTo(3, 10);
  });
});
