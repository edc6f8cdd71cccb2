import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { builtinCatalog, GradproofError, toTex } from '../../../src/symbolic/index.ts';
import { entryDerivatives } from '../../../src/symbolic/catalog/entry-derivatives.ts';

const REQUIRED = [
  'sigmoid', 'tanh', 'softplus', 'relu', 'leaky_relu', 'prelu', 'abs', 'identity', 'swish', 'swish_beta',
  'swish_2beta', 'mish', 'bce', 'mse', 'bce_logits', 'softmax_cross_entropy',
];

describe('built-in catalog', () => {
  const catalog = builtinCatalog();

  it('has every entry the source document needs', () => {
    expect(catalog.entries.map((e) => e.name)).toEqual(REQUIRED);
  });

  it('refuses unknown names, listing the known ones', () => {
    expect(() => catalog.get('gelu')).toThrowError(GradproofError);
    expect(() => catalog.get('gelu')).toThrowError(/expected one of sigmoid, tanh/);
  });

  it('records the kink of each piecewise entry and gives its branches', () => {
    for (const name of ['relu', 'leaky_relu', 'prelu', 'abs']) {
      const entry = catalog.get(name);
      expect(entry.facts).toContainEqual({ kind: 'kink', variable: 'x', at: 0 });
      expect(entry.branches?.map((b) => b.relation)).toEqual(['<', '>']);
    }
  });

  it('marks PReLU α and Swish-β β trainable, leaky α fixed', () => {
    expect(catalog.get('prelu').parameters[0]).toMatchObject({ name: 'alpha', trainable: true, default: 0 });
    expect(catalog.get('swish_beta').parameters[0]).toMatchObject({ name: 'beta', trainable: true, default: 1 });
    expect(catalog.get('leaky_relu').parameters[0]?.trainable).toBe(false);
  });

  it('renders every definition, form and derivative as valid TeX', () => {
    for (const entry of catalog.entries) {
      if (entry.tex) katex.renderToString(entry.tex, { throwOnError: true });
      katex.renderToString(toTex(entry.definition), { throwOnError: true });
      for (const form of entry.forms) katex.renderToString(toTex(form.expression), { throwOnError: true });
      for (const derivative of entryDerivatives(entry)) katex.renderToString(toTex(derivative.expression), { throwOnError: true });
    }
  });

  it('differentiates every entry by every variable and parameter, first and second order', () => {
    const swishBeta = entryDerivatives(catalog.get('swish_beta'));
    expect(swishBeta.map((d) => `${d.wrt}${d.order}`)).toEqual(['x1', 'x2', 'beta1', 'beta2']);
    const leaky = entryDerivatives(catalog.get('leaky_relu'), { wrt: ['x'], orders: [1] })[0]!;
    expect(leaky.branches?.map((b) => b.expression.toString())).toEqual(['alpha', '1']);
  });
});
