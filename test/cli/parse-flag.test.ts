import { describe, expect, it } from 'vitest';
import { integerFlag, listFlag, nonNegativeIntegerFlag, positiveNumberFlag } from '../../src/cli/parse-flag.ts';

describe('flag parsing', () => {
  it('integerFlag accepts signed integers and names the flag otherwise', () => {
    expect(integerFlag('--seed', '-3')).toBe(-3);
    expect(integerFlag('--seed', ' 12 ')).toBe(12);
    for (const bad of ['1.5', 'big', '', '1e3', '99999999999999999']) {
      expect(() => integerFlag('--size', bad)).toThrow(`--size: expected an integer, got '${bad}'`);
    }
  });

  it('positiveNumberFlag accepts finite numbers above zero', () => {
    expect(positiveNumberFlag('--time-budget', '2.5')).toBe(2.5);
    for (const bad of ['0', '-1', 'Infinity', 'soon', ' ']) {
      expect(() => positiveNumberFlag('--time-budget', bad)).toThrow(/--time-budget: expected a positive number/);
    }
  });

  it('nonNegativeIntegerFlag accepts 0 and refuses fractions', () => {
    expect(nonNegativeIntegerFlag('--workers', '0')).toBe(0);
    expect(() => nonNegativeIntegerFlag('--workers', '2.5')).toThrow(/--workers: expected a non-negative integer/);
  });

  it('listFlag splits on commas and drops empty items', () => {
    expect(listFlag(' relu, mish,,swish ')).toEqual(['relu', 'mish', 'swish']);
  });
});
