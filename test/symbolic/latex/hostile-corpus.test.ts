import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGradproofError, parseAnswer, type AnswerFormat } from '../../../src/symbolic/index.ts';
import { HOSTILE_INPUTS } from './hostile-inputs.ts';

/** Pieces of TeX that, shuffled, make mostly-malformed formulas. */
const PIECES = [
  '\\frac', '\\dfrac', '{', '}', 'x', 'y', '\\beta', '^', '_', '(', ')', '[', ']', '|', '\\left', '\\right', '-', '+', '2', '0.5', 'e', '\\sigma',
  '\\sqrt', '\\operatorname{sech}', '\\text{Swish}', ',', '\\', ' ', '=', '\\cdot', '\\ln', '\\exp', '\\max', '\\tanh', '\\,', '.', '!', "'",
  '\\left(', '\\right)', '\\left|', '\\right|', '\\infty', '\\foo', 'σ', '²', '$', '&', '\\\\', '1', '9',
];

const VALID = [
  '\\sigma(x) + x\\sigma(x)(1-\\sigma(x))', '\\frac{e^x \\omega}{\\delta^2}', '\\tanh(\\ln(1+e^x)) + x\\operatorname{sech}^2(\\ln(1+e^x))\\frac{e^x}{e^x+1}',
  '\\max(0, x) + |x|', '\\sqrt[3]{x^2 + 1}', '-y\\log(a) - (1-y)\\log(1-a)',
];

/**
 * The contract for every input: either a whitelisted tree, or a GradproofError whose message
 * names the problem and ends with its position, which lies within the text.
 */
function checkContract(text: string, format: AnswerFormat): void {
  try {
    const parsed = parseAnswer(text, { format });
    expect(typeof parsed.readAs).toBe('string');
    expect(typeof parsed.node.toString()).toBe('string');
  } catch (error) {
    if (!isGradproofError(error)) throw new Error(`not a GradproofError for ${JSON.stringify(text.slice(0, 80))}: ${String(error)}`);
    expect(['GP_PARSE', 'GP_INPUT', 'GP_LIMIT']).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(10);
    if (format === 'latex') {
      const offset = error.position?.offset;
      expect(offset, `${error.message} for ${JSON.stringify(text.slice(0, 80))}`).toBeTypeOf('number');
      expect(offset!).toBeGreaterThanOrEqual(0);
      expect(offset!).toBeLessThanOrEqual(text.length);
      expect(error.message).toMatch(/\(at position \d+\)$/);
    }
  }
}

describe('hostile corpus (issue 5: >= 1,000 inputs, no crash, a message with a position)', () => {
  it(`${HOSTILE_INPUTS.length} hand-written inputs, as LaTeX and auto-detected`, () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(200);
    for (const text of HOSTILE_INPUTS) {
      checkContract(text, 'latex');
      checkContract(text, 'auto');
    }
  });

  it('1,000 shuffles of TeX pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => checkContract(pieces.join(''), 'latex')), {
      numRuns: 1000, seed: 5,
    });
  });

  it('400 arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => checkContract(text, 'latex')), { numRuns: 400, seed: 55 });
  });

  it('400 one-character mutations of valid formulas', () => {
    const mutation = fc.record({
      base: fc.constantFrom(...VALID), at: fc.nat(), insert: fc.constantFrom(...PIECES, ''), remove: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(fc.property(mutation, ({ base, at, insert, remove }) => {
      const i = at % (base.length + 1);
      checkContract(base.slice(0, i) + insert + base.slice(i + remove), 'latex');
    }), { numRuns: 400, seed: 555 });
  });
});
