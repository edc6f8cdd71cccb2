import { describe, expect, it } from 'vitest';
import { GradproofError, parseExpression } from '../../src/symbolic/index.ts';

function errorOf(text: string): GradproofError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof GradproofError) return error;
    throw error;
  }
  throw new Error(`expected '${text}' to be refused`);
}

describe('parseExpression', () => {
  it('reads arithmetic and registered functions', () => {
    expect(parseExpression('x*sigmoid(x) + tanh(softplus(x))').toString()).toBe('x * sigmoid(x) + tanh(softplus(x))');
  });

  it('resolves aliases students use', () => {
    expect(parseExpression('ln(1+e^x)').toString()).toBe('log(1 + e ^ x)');
    expect(parseExpression('Swish(x) + Mish(x) + sigma(x)').toString()).toBe('swish(x) + mish(x) + sigmoid(x)');
  });

  it('reads x(4x+6) as a product, not a call of x', () => {
    expect(parseExpression('x(4x+6)').toString()).toBe('x * (4 x + 6)');
    expect(parseExpression('beta(x+1)').toString()).toBe('beta * (x + 1)');
  });

  it('reads e^x(4x+6) as e^x times (4x+6), as a person means', () => {
    expect(parseExpression('e^x(4x+6)').toString()).toBe('e ^ x * (4 x + 6)');
  });

  it.each([
    ['foo(x)', 'GP_INPUT', /unknown function 'foo'/],
    ['import(x)', 'GP_INPUT', /unknown function 'import'/],
    ['evaluate("1+1")', 'GP_INPUT', /unexpected character '"'/],
    ['f(x) = x^2', 'GP_INPUT', /unexpected character '='/],
    ['a.b', 'GP_INPUT', /property access/],
    ['x +* 2', 'GP_PARSE', /position 3/],
    ['(x + 1', 'GP_PARSE', /missing '\)'/],
    ['x + 1)', 'GP_PARSE', /unmatched '\)'.*position 5/],
    ['', 'GP_PARSE', /empty expression/],
    ['log(x, 2)', 'GP_INPUT', /expected 1 argument, got 2/],
    ['e^(e^(e^(e^x)))', 'GP_LIMIT', /exponent tower/],
    ['x^100000', 'GP_LIMIT', /exponent 100000/],
  ])('refuses %s with %s', (text, code, message) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses 10 kB of nesting quickly with GP_LIMIT, never a stack overflow', () => {
    const text = `${'('.repeat(4_900)}x${')'.repeat(4_900)}`;
    expect(errorOf(text).code).toBe('GP_LIMIT');
    expect(errorOf('x'.repeat(20_000)).code).toBe('GP_LIMIT');
  });

  it('names the position of a bad character', () => {
    const error = errorOf('x + 2 ; y');
    expect(error.position?.offset).toBe(6);
  });
});
