import { describe, expect, it } from 'vitest';
import { builtinCatalog, derive, parseExpression } from '../../src/symbolic/index.ts';
import { FLOAT64_UNIT_ROUNDOFF, compileExpression, recognizeFunctions, referenceValue, seededRandom } from '../../src/numeric/index.ts';

/** The compiled value must be within this many units of u·M (its own propagated-error bound) of the 50-digit reference. */
const BOUND_UNITS = 16;

describe('compileExpression', () => {
  it('agrees with the 50-digit reference within its own rounding-error estimate, for every catalog definition and derivative', () => {
    const rand = seededRandom(7);
    const failures: string[] = [];
    for (const entry of builtinCatalog().entries) {
      const names = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
      const exprs = [entry.definition, ...names.map((n) => derive(recognizeFunctions(entry.stable ?? entry.definition), n))];
      for (const node of exprs) {
        const f = compileExpression(node, { variables: names });
        const m = compileExpression(node, { variables: names, output: 'magnitude' });
        for (let k = 0; k < 6; k++) {
          const values = names.map((n) => {
            const v = entry.variables.find((q) => q.name === n);
            if (v && v.domain.max === 1) return 0.05 + 0.9 * rand();
            return (rand() - 0.5) * 16;
          });
          const point = Object.fromEntries(names.map((n, i) => [n, values[i]!]));
          const value = f.evaluate(values);
          const expected = referenceValue(node, point);
          const bound = BOUND_UNITS * FLOAT64_UNIT_ROUNDOFF * m.evaluate(values) + 1e-300;
          if (!(Math.abs(value - expected) <= bound)) failures.push(`${node.toString()} at ${JSON.stringify(point)}: value ${value}, expected ${expected}, tolerance ${bound}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('rounds after every operation in float32 mode', () => {
    const f = compileExpression(parseExpression('(x*y + 1)/3'), { variables: ['x', 'y'], dtype: 'float32' });
    const F = Math.fround;
    const x = 0.1, y = 0.7;
    expect(f.evaluate([x, y])).toBe(F(F(F(F(x) * F(y)) + 1) / 3));
    expect(f.evaluate([x, y])).not.toBe((x * y + 1) / 3);
    expect(f.evaluateMany([[x], [y]])).toBeInstanceOf(Float32Array);
  });

  it('evaluates many points exactly as one at a time', () => {
    const node = derive(parseExpression('x*tanh(softplus(beta*x))'), 'x');
    const f = compileExpression(node, { variables: ['x', 'beta'] });
    const xs = Float64Array.from({ length: 50 }, (_, i) => -25 + i);
    const betas = new Float64Array(50).fill(1.5);
    const many = f.evaluateMany([xs, betas]);
    xs.forEach((x, i) => expect(Object.is(many[i], f.evaluate([x, 1.5]))).toBe(true));
  });

  it('never splices user names into the generated source', () => {
    const f = compileExpression(parseExpression('secretName*2 + sigmoid(secretName)'), { variables: ['secretName'] });
    expect(f.source).not.toContain('secretName');
    expect(f.source).not.toContain('sigmoid');
    expect(f.evaluate([0])).toBe(0.5);
  });

  it('refuses unknown symbols with GP_INPUT', () => {
    expect(() => compileExpression(parseExpression('x + q'), { variables: ['x'] })).toThrow(/unknown symbol 'q'/);
  });

  it('routes spelled-out functions to stable kernels (no overflow, no NaN)', () => {
    const sp = compileExpression(parseExpression('log(1+exp(x))'), { variables: ['x'] });
    expect(sp.evaluate([800])).toBe(800);
    const naive = compileExpression(parseExpression('log(1+exp(x))'), { variables: ['x'], stable: false });
    expect(naive.evaluate([800])).toBe(Infinity);
    const bce = compileExpression(builtinCatalog().get('bce_logits').definition, { variables: ['z', 'y'] });
    expect(bce.evaluate([-800, 1])).toBe(800);
  });
});
