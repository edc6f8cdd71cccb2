import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_TREE, gradeAnswer, resolveProblem, type AnswerTestSpec } from '../../src/grade/index.ts';
import { builtinCatalog } from '../../src/symbolic/index.ts';

const catalog = builtinCatalog();
const swishPrime = resolveProblem({ derivativeOf: 'swish', catalog });
const antiderivative = resolveProblem({ expected: '\\ln(1+e^{x})', catalog });

describe('response trees: the first matching node gives score and feedback', () => {
  it('walks the nodes in order', () => {
    const tree: AnswerTestSpec[] = [
      { test: 'numeric', score: 0.5, feedback: 'close enough' },
      { test: 'equivalent', score: 1, feedback: 'exact' },
    ];
    const g = gradeAnswer(swishPrime, '\\sigma(x) + x\\sigma(x)(1-\\sigma(x))', tree);
    expect([g.node, g.test, g.score, g.feedback, g.verdict]).toEqual([0, 'numeric', 0.5, 'close enough', 'equivalent']);
    const h = gradeAnswer(swishPrime, '\\sigma(x) + x\\sigma(x)(1-\\sigma(x))', [...tree].reverse());
    expect([h.node, h.test, h.score]).toEqual([0, 'equivalent', 1]);
  });

  it('fills feedback placeholders from the diagnosis', () => {
    const tree: AnswerTestSpec[] = [
      { test: 'equivalent', score: 1 },
      { test: 'constant-factor', score: 0.25, feedback: 'factor {factor}: {diagnosis}' },
      { test: 'any', score: 0 },
    ];
    const g = gradeAnswer(swishPrime, '2\\sigma(x) + 2x\\sigma(x)(1-\\sigma(x))', tree);
    expect(g.score).toBe(0.25);
    expect(g.feedback).toMatch(/^factor 2: off by a constant factor/);
    expect(g.diagnosis?.kind).toBe('constant-factor');
  });

  it('equal-up-to-constant accepts any antiderivative', () => {
    const tree: AnswerTestSpec[] = [{ test: 'equal-up-to-constant', score: 1, feedback: 'C = {constant}' }, { test: 'any', score: 0 }];
    expect(gradeAnswer(antiderivative, '\\ln(1+e^x) + 7', tree)).toMatchObject({ score: 1, feedback: 'C = 7' });
    expect(gradeAnswer(antiderivative, '\\operatorname{softplus}(x)', tree)).toMatchObject({ score: 1, feedback: 'C = 0' });
    expect(gradeAnswer(antiderivative, '\\ln(2+e^x)', tree).score).toBe(0);
  });

  it('numeric closeness uses the node tolerance', () => {
    const ln2 = resolveProblem({ expected: '\\ln 2', catalog });
    const loose: AnswerTestSpec[] = [{ test: 'equivalent', score: 1 }, { test: 'numeric', score: 0.9, tolerance: { relative: 0.01 } }, { test: 'any', score: 0 }];
    expect(gradeAnswer(ln2, '0.69', loose)).toMatchObject({ test: 'numeric', score: 0.9 });
    expect(gradeAnswer(ln2, '0.6', loose)).toMatchObject({ test: 'any', score: 0 });
  });

  it('the default tree scores the right answer 1 and names the mistake otherwise', () => {
    expect(gradeAnswer(swishPrime, '\\text{Swish}(x) + \\sigma(x)(1-\\text{Swish}(x))')).toMatchObject({ score: 1, feedback: 'Correct.' });
    const wrong = gradeAnswer(swishPrime, '-\\sigma(x) - x\\sigma(x)(1-\\sigma(x))');
    expect(wrong).toMatchObject({ score: 0, test: 'wrong-sign', verdict: 'not-equivalent' });
    expect(wrong.feedback).toMatch(/^Incorrect: the sign is wrong/);
    expect(DEFAULT_RESPONSE_TREE[0]!.test).toBe('equivalent');
  });

  it('a domain mismatch is its own node, not "correct"', () => {
    const identity = resolveProblem({ expected: 'x', catalog });
    const g = gradeAnswer(identity, '\\sqrt{x}^{2}');
    expect(g.test).toBe('domain-mismatch');
    expect(g.score).toBe(0);
    expect(g.notes.join(' ')).toMatch(/domain mismatch/);
  });

  it('an answer the prover cannot decide matches the undecided node, never silently right or wrong', () => {
    const square = resolveProblem({ expected: 'x^2', catalog });
    const tree: AnswerTestSpec[] = [{ test: 'equivalent', score: 1 }, { test: 'not-equivalent', score: 0, feedback: 'no' }, { test: 'undecided', score: 0, feedback: 'review' }];
    const g = gradeAnswer(square, '\\sqrt{x}^{4}', tree);
    expect(g).toMatchObject({ verdict: 'undecided', test: 'undecided', feedback: 'review' });
  });
});
