import { describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { formatActivationSpec, parseActivationSpec } from '../../src/train/activation-spec.ts';

describe('--activation NAME[:PARAM]', () => {
  it('parses names, aliases and parameters', () => {
    expect(parseActivationSpec('relu')).toEqual({ name: 'relu', params: {} });
    expect(parseActivationSpec('leaky:-0.5')).toEqual({ name: 'leaky_relu', params: { alpha: -0.5 } });
    expect(parseActivationSpec('LeakyReLU:1.5')).toEqual({ name: 'leaky_relu', params: { alpha: 1.5 } });
    expect(parseActivationSpec('prelu:alpha=0.25')).toEqual({ name: 'prelu', params: { alpha: 0.25 } });
    expect(parseActivationSpec('swish_beta:2')).toEqual({ name: 'swish_beta', params: { beta: 2 } });
    expect(parseActivationSpec('linear')).toEqual({ name: 'identity', params: {} });
    expect(formatActivationSpec(parseActivationSpec('leaky:-1'))).toBe('leaky_relu:alpha=-1');
  });

  it('refuses unknown names, stray parameters and non-numbers with their position', () => {
    const fails = (text: string, pattern: RegExp) => {
      try {
        parseActivationSpec(text);
      } catch (e) {
        expect(isGradproofError(e, 'GP_INPUT')).toBe(true);
        expect((e as Error).message).toMatch(pattern);
        return;
      }
      throw new Error(`expected '${text}' to be refused`);
    };
    fails('gelu', /expected one of relu, .*got 'gelu' \(at position 0\)/);
    fails('relu:0.5', /relu: expected no parameter, got '0.5' \(at position 5\)/);
    fails('leaky:', /expected a finite number for alpha, got '' \(at position 6\)/);
    fails('leaky:Infinity', /expected a finite number for alpha, got 'Infinity'/);
  });
});
