import { describe, expect, it } from 'vitest';
import { chainRuleVariants, prepareAnswer, rationalApproximation, resolveProblem } from '../../src/grade/index.ts';
import { builtinCatalog, parseExpression } from '../../src/symbolic/index.ts';

const mish = resolveProblem({ derivativeOf: 'mish', catalog: builtinCatalog() });

describe('prepareAnswer', () => {
  it('substitutes where definitions, also ones that use earlier ones, and keeps the read-as TeX unsubstituted', () => {
    const p = prepareAnswer(mish, '\\frac{u}{v}', ['u = 2v; v = e^{x}']);
    expect(p.node.toString()).toBe('2 exp(x) / exp(x)');
    expect(p.readAs).not.toContain('e^');
    expect(p.where.map((d) => d.symbol)).toEqual(['u', 'v']);
  });

  it('refuses cycles, redefined variables and unknown symbols', () => {
    expect(() => prepareAnswer(mish, '\\omega', ['\\omega = \\omega + 1'])).toThrow(/defined in terms of itself/);
    expect(() => prepareAnswer(mish, 'x', ['x = 2'])).toThrow(/'x' is a variable of the question/);
    expect(() => prepareAnswer(mish, 'x + \\gamma')).toThrow(/unknown symbol 'gamma'/);
  });

  it('refuses a where expansion that explodes', () => {
    const chain = ['a = x+x', 'b = a+a+a+a', 'c = b+b+b+b', 'd = c+c+c+c', 'f = d+d+d+d', 'g = f+f+f+f', 'h = g+g+g+g'].join('; ');
    expect(() => prepareAnswer(mish, 'h*h*h*h', [chain])).toThrow(/substituted answer too large/);
  });

  it('reads y_1 as the question variable y1', () => {
    const ce = resolveProblem({ derivativeOf: 'softmax_cross_entropy', wrt: 'z1', catalog: builtinCatalog() });
    expect(prepareAnswer(ce, 'y_1 + z_{2}').node.toString()).toBe('y1 + z2');
  });
});

describe('rationalApproximation and chainRuleVariants', () => {
  it('recognises small fractions only', () => {
    expect(rationalApproximation(2)?.text).toBe('2');
    expect(rationalApproximation(-0.75)?.text).toBe('-3/4');
    expect(rationalApproximation(1 / 3)?.text).toBe('1/3');
    expect(rationalApproximation(Math.PI)).toBeUndefined();
    expect(rationalApproximation(Number.NaN)).toBeUndefined();
  });

  it('drops exactly one inner derivative per site (constant inner factors are left to the constant-factor diagnosis)', () => {
    const variants = chainRuleVariants(parseExpression('log(1 + exp(2x))'), 'x');
    expect(variants.map((v) => v.factor.toString())).toEqual(['exp(2 * x) * 2']);
    expect(variants[0]!.derivative.toString()).toBe('1 / (1 + exp(2 * x))');
    expect(chainRuleVariants(parseExpression('x*sigmoid(x)'), 'x')).toEqual([]);
  });
});
