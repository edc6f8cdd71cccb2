import { describe, expect, it } from 'vitest';
import { gradcheck, symbolic } from 'gradproof';

describe('the package entry point (as a user imports it)', () => {
  it('runs the TSDoc example of the public API', () => {
    const { parseExpression, prove } = symbolic;
    expect(prove(parseExpression('sigmoid(-x)'), parseExpression('1 - sigmoid(x)'), { variables: ['x'] }).status).toBe('proved');
  });

  it('exposes each layer as a namespace', () => {
    expect(typeof gradcheck.gradcheckEntry).toBe('function');
  });
});
