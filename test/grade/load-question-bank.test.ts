import { describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { DEFAULT_RESPONSE_TREE, loadQuestionBank } from '../../src/grade/index.ts';

function problemOf(yaml: string): { code: string; message: string; line?: number } {
  try {
    loadQuestionBank(yaml, 'bank.yaml');
  } catch (error) {
    if (!isGradproofError(error)) throw error;
    return { code: error.code, message: error.message, line: error.position?.line };
  }
  throw new Error('expected the bank to be refused');
}

describe('loadQuestionBank', () => {
  it('loads expected and derivative questions with domains, parameters, assumptions and a response tree', () => {
    const bank = loadQuestionBank(`
title: T
questions:
  - id: a
    prompt: 'Differentiate $x\\sigma(\\beta x)$'
    derivative: { of: swish_beta, wrt: x }
    variables: { x: [-3, 3] }
    parameters: { beta: [0.5, 2] }
  - id: b
    expected: '\\ln x'
    assumptions: ['x > 0']
    format: latex
    tolerance: { relative: 0.001 }
    tests:
      - { test: equivalent, score: 1, feedback: yes }
      - { test: numeric, score: 0.5, tolerance: { relative: 0.01 } }
`, 'bank.yaml');
    expect(bank.title).toBe('T');
    const a = bank.find('a')!;
    expect(a.problem.derivative).toMatchObject({ of: 'swish_beta', wrt: 'x' });
    expect(a.problem.symbols.map((s) => [s.name, s.domain.min, s.domain.max])).toEqual([['x', -3, 3], ['beta', 0.5, 2]]);
    expect(a.problem.parameters).toEqual(['beta']);
    expect(a.tests).toEqual(DEFAULT_RESPONSE_TREE);
    const b = bank.find('b')!;
    expect(b.problem.expected.toString()).toBe('log(x)');
    expect(b.problem.assumptions).toEqual([{ variable: 'x', relation: '>', value: 0 }]);
    expect(b.tests.map((t) => t.test)).toEqual(['equivalent', 'numeric']);
    expect(b.tests[1]!.tolerance).toMatchObject({ relative: 0.01 });
    expect(b.line).toBe(9);
  });

  const cases: [string, string, number, RegExp][] = [
    ['questions: [', 'GP_PARSE', 1, /YAML syntax/],
    ['foo: 1', 'GP_INPUT', 1, /expected `questions:` to be a non-empty list/],
    ['questions:\n  - id: a\n    derivative: { of: nope }', 'GP_INPUT', 3, /unknown function 'nope'/],
    ['questions:\n  - id: a\n    expected: x\n  - id: a\n    expected: y', 'GP_INPUT', 4, /duplicate question id 'a'/],
    ['questions:\n  - id: a\n    expected: x\n    colour: red', 'GP_INPUT', 4, /unknown key 'colour'/],
    ['questions:\n  - id: a', 'GP_INPUT', 2, /exactly one of `expected` or `derivative/],
    ['questions:\n  - id: a\n    expected: "x +"', 'GP_INPUT', 3, /expected: unexpected end/i],
    ['questions:\n  - id: a\n    expected: x\n    variables: { x: [3, 1] }', 'GP_INPUT', 4, /MIN < MAX/],
    ['questions:\n  - id: a\n    expected: x\n    tests:\n      - { test: nonsense, score: 1 }', 'GP_INPUT', 5, /test: expected one of equivalent/],
    ['questions:\n  - id: a\n    expected: x\n    tests:\n      - { test: equivalent, score: 3 }', 'GP_INPUT', 5, /score between 0 and 1/],
    ['questions:\n  - id: a\n    expected: x\n    assumptions: ["x is big"]', 'GP_INPUT', 4, /assumption: expected 'VARIABLE > NUMBER'/],
    ['questions:\n  - id: a\n    derivative: { of: swish, wrt: q }', 'GP_INPUT', 2, /expected wrt one of x/],
  ];
  for (const [yaml, code, line, pattern] of cases) {
    it(`refuses ${JSON.stringify(yaml.slice(0, 50))} naming file, line ${line} and the problem`, () => {
      const p = problemOf(yaml);
      expect(p.code).toBe(code);
      expect(p.line).toBe(line);
      expect(p.message).toMatch(new RegExp(`^bank\\.yaml:${line}:\\d+: `));
      expect(p.message).toMatch(pattern);
    });
  }
});
