import { describe, expect, it } from 'vitest';
import { derive, deriveN, parseExpression, tidy, type DerivationStep } from '../../src/symbolic/index.ts';

const d = (text: string, v = 'x') => derive(parseExpression(text), v).toString();

describe('derive', () => {
  it('applies the registry rules', () => {
    expect(d('sigmoid(x)')).toBe('sigmoid(x) * (1 - sigmoid(x))');
    expect(d('tanh(x)')).toBe('sech(x) ^ 2');
    expect(d('softplus(x)')).toBe('sigmoid(x)');
    expect(d('log1p(x)')).toBe('1 / (1 + x)');
    expect(d('sech(x)')).toBe('-(sech(x) * tanh(x))');
  });

  it('applies the chain and product rules, recording them', () => {
    const steps: DerivationStep[] = [];
    const result = derive(parseExpression('x*tanh(softplus(x))'), 'x', { steps });
    expect(result.toString()).toBe('tanh(softplus(x)) + x * sech(softplus(x)) ^ 2 * sigmoid(x)');
    expect(steps.map((s) => s.rule)).toEqual(['product rule', 'derivative of softplus', 'chain rule (tanh)']);
  });

  it('differentiates by parameters', () => {
    expect(d('x*sigmoid(beta*x)', 'beta')).toBe('x * sigmoid(beta * x) * (1 - sigmoid(beta * x)) * x');
    expect(d('relu(x) - alpha*relu(-x)', 'alpha')).toBe('-relu(-x)');
  });

  it('differentiates macros through their definition', () => {
    expect(d('swish(x)')).toBe('sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x))');
  });

  it('keeps piecewise functions piecewise (one-sided rules, never smoothed)', () => {
    expect(d('abs(x)')).toBe('sign(x)');
    expect(d('relu(x)')).toBe('heaviside(x)');
    expect(d('max(0, x)')).toBe('heaviside(x)');
  });

  it('handles powers with constant and variable exponents', () => {
    expect(d('x^3')).toBe('3 * x ^ 2');
    expect(d('e^(2x)')).toBe('e ^ (2 * x) * 2');
    expect(d('x^x')).toBe('x ^ x * (log(x) + x / x)');
  });

  it('gives second derivatives', () => {
    expect(deriveN(parseExpression('x^3'), 'x', 2).toString()).toBe('3 * 2 * x');
  });

  it('tidy never changes the value', () => {
    expect(tidy(parseExpression('0 + 1*x - -y')).toString()).toBe('x + y');
  });
});
