import { describe, expect, it } from 'vitest';
import { detectAnswerFormat, isGradproofError, parseAnswer, parseLatex, parseWhereDefinition, parseWhereList } from '../../../src/symbolic/index.ts';

describe('parseAnswer', () => {
  it('detects LaTeX by backslashes, braces, bars, dollars and non-ASCII; text otherwise', () => {
    expect(detectAnswerFormat('\\sigma(x)')).toBe('latex');
    expect(detectAnswerFormat('e^{x}')).toBe('latex');
    expect(detectAnswerFormat('|x|')).toBe('latex');
    expect(detectAnswerFormat('σ(x)')).toBe('latex');
    expect(detectAnswerFormat('x*sigmoid(x)')).toBe('text');
    expect(detectAnswerFormat('exp(x)/(1+exp(x))')).toBe('text');
  });

  it('parses text with mathjs rules (x(4x+6) is a product) and LaTeX with the TeX grammar', () => {
    expect(parseAnswer('x(4x+6)').node.toString()).toBe('x * (4 x + 6)');
    expect(parseAnswer('beta*x', { format: 'text' }).node.toString()).toBe('beta * x');
    expect(parseAnswer('\\beta x').node.toString()).toBe('beta * x');
    expect(parseAnswer('x^12', { format: 'latex' }).node.toString()).toBe('x ^ 1 * 2');
    expect(parseAnswer('x^12', { format: 'text' }).node.toString()).toBe('x ^ 12');
  });

  it('echoes how it read the answer as TeX', () => {
    const parsed = parseAnswer('\\frac{1}{1+e^{-x}}');
    expect(parsed.format).toBe('latex');
    expect(parseLatex(parsed.readAs).toString()).toBe(parsed.node.toString());
    expect(parsed.readAs).toContain('\\frac');
  });

  it('reads a where-symbol written as a call, in both formats', () => {
    const functionSymbols = new Map([['Delta', ['x']]]);
    expect(parseAnswer('swish(x)*Delta(x)', { format: 'text', functionSymbols }).node.toString()).toBe('swish(x) * Delta');
    expect(parseAnswer('\\text{Swish}(x)\\Delta(x)', { functionSymbols }).node.toString()).toBe('swish(x) * Delta');
    expect(() => parseAnswer('\\Delta(y)', { functionSymbols })).toThrow(/Delta\(x\) as defined/);
  });

  it('shifts positions by the offset, in both formats', () => {
    for (const format of ['latex', 'text'] as const) {
      try {
        parseAnswer('x + )', { format, offset: 100 });
        expect.unreachable();
      } catch (error) {
        expect(isGradproofError(error)).toBe(true);
        expect((error as { position?: { offset?: number } }).position?.offset).toBeGreaterThanOrEqual(100);
      }
    }
  });

  it('refuses an unknown format', () => {
    expect(() => parseAnswer('x', { format: 'rtf' as never })).toThrow(/latex, text or auto/);
  });
});

describe('parseWhereDefinition / parseWhereList', () => {
  it('parses the source document ω and δ, in LaTeX and text', () => {
    const omega = parseWhereDefinition('\\omega = 4(x+1)+4e^{2x}+e^{3x}+e^x(4x+6)');
    expect(omega.symbol).toBe('omega');
    expect(omega.node.toString()).toBe('4 * (x + 1) + 4 * exp(2 * x) + exp(3 * x) + exp(x) * (4 * x + 6)');
    const delta = parseWhereDefinition('delta = 2e^x + e^(2x) + 2');
    expect(delta.symbol).toBe('delta');
    expect(delta.node.toString()).toBe('2 e ^ x + e ^ (2 x) + 2');
  });

  it('accepts \\text{}, subscripts and function-style left sides', () => {
    expect(parseWhereDefinition('\\text{u} = x^2').symbol).toBe('u');
    expect(parseWhereDefinition('s_1 = x').symbol).toBe('s_1');
    const d = parseWhereDefinition('\\Delta(x) = \\operatorname{sech}^2(\\operatorname{softplus}(x))');
    expect([d.symbol, d.parameters]).toEqual(['Delta', ['x']]);
  });

  it('splits lists on ; and new lines but not on \\;', () => {
    const list = parseWhereList('\\omega = x\\;+1; \\delta = 2\n u = 3');
    expect(list.map((d) => d.symbol)).toEqual(['omega', 'delta', 'u']);
    expect(list[0]!.node.toString()).toBe('x + 1');
  });

  it('names the problem and its position', () => {
    expect(() => parseWhereDefinition('\\omega x')).toThrow(/expected 'SYMBOL = EXPRESSION'.*\(at position 8\)/);
    expect(() => parseWhereDefinition('x^2 = 2')).toThrow(/expected a symbol before '='/);
    expect(() => parseWhereDefinition('a = 1 = 2')).toThrow(/a second one \(at position 6\)/);
    expect(() => parseWhereList('a = 1; \\omega = x +')).toThrow(/\(at position 19\)/);
  });
});
