import { describe, expect, it } from 'vitest';
import { builtinCatalog, derive, parseExpression } from '../../src/symbolic/index.ts';
import { FLOAT64_UNIT_ROUNDOFF, compileExpression, recognizeFunctions, referenceValue, seededRandom } from '../../src/numeric/index.ts';

/** The compiled value must be within this many units of u·M (its own propagated-error bound) of the 50-digit reference. */
const BOUND_UNITS = 16;

describe('compileExpression', () => {
  it('agrees with the 50-digit reference within its own rounding-error estimates (magnitude and error mode), for every catalog definition and derivative', () => {
    const rand = seededRandom(7);
    const failures: string[] = [];
    for (const entry of builtinCatalog().entries) {
      const names = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
      const exprs = [entry.definition, ...names.map((n) => derive(recognizeFunctions(entry.stable ?? entry.definition), n))];
      for (const node of exprs) {
        const f = compileExpression(node, { variables: names });
        const m = compileExpression(node, { variables: names, output: 'magnitude' });
        const e = compileExpression(node, { variables: names, output: 'error' });
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
          const exactInputBound = BOUND_UNITS * FLOAT64_UNIT_ROUNDOFF * e.evaluate(values) + 1e-300;
          if (!(Math.abs(value - expected) <= exactInputBound)) failures.push(`${node.toString()} at ${JSON.stringify(point)} (error mode): value ${value}, expected ${expected}, tolerance ${exactInputBound}`);
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

  it('multiplies bounded factors first, so an overflowing partial product never meets an underflowed σ (no ∞·0 = NaN)', () => {
    const MAX = Number.MAX_VALUE;
    const f = parseExpression('2*x*sigmoid(beta*x)');
    const names = ['x', 'beta'];
    const value = compileExpression(f, { variables: names });
    const byX = compileExpression(derive(f, 'x'), { variables: names });
    const byBeta = compileExpression(derive(f, 'beta'), { variables: names });
    // the limits: 2x·σ(βx) → 0 where βx → −∞; ∂/∂x → 2σ(βx); ∂/∂β = 2x²σ(βx)σ(−βx) → 0
    for (const [x, beta] of [[-MAX, 0.5], [MAX, -0.5], [MAX, 0.5], [-MAX, -0.5]] as const) {
      expect(value.evaluate([x, beta])).not.toBeNaN();
      expect(Math.abs(byX.evaluate([x, beta]))).toBe(beta * x > 0 ? 2 : 0);
      expect(Math.abs(byBeta.evaluate([x, beta]))).toBe(0);
    }
    expect(Math.abs(value.evaluate([-MAX, 0.5]))).toBe(0);
    expect(value.evaluate([MAX, 0.5])).toBe(Infinity);
    // without the rewrites the product overflows first: the bug this guards against
    expect(compileExpression(f, { variables: names, stable: false }).evaluate([-MAX, 0.5])).toBeNaN();
    // a bounded factor also keeps a finite product finite: (2σ(βx))·x, not (2x)·σ(βx) = −∞
    const finite = value.evaluate([-MAX, 1e-308]);
    const exact = -MAX * (2 / (1 + Math.exp(MAX * 1e-308)));
    expect(Math.abs(finite - exact)).toBeLessThanOrEqual(4 * FLOAT64_UNIT_ROUNDOFF * Math.abs(exact));
  });

  it('error mode bounds the rounding for exact inputs: not inflated by the condition number of the input', () => {
    const node = parseExpression('exp(x) - 1');
    const error = compileExpression(node, { variables: ['x'], output: 'error' });
    const magnitude = compileExpression(node, { variables: ['x'], output: 'magnitude' });
    // exp(30) − 1: one rounding of exp and one of the difference, ≈ 2·e^30 (magnitude mode: (1 + 30)·e^30)
    expect(error.evaluate([30])).toBeLessThanOrEqual(2.01 * Math.exp(30));
    expect(magnitude.evaluate([30])).toBeGreaterThan(30 * Math.exp(30));
    // and still bounds the actual error, with cancellation: e^x − 1 at x = 1e-10
    const x = 1e-10;
    const actual = Math.abs(compileExpression(node, { variables: ['x'] }).evaluate([x]) - referenceValue(node, { x }));
    expect(actual).toBeLessThanOrEqual(FLOAT64_UNIT_ROUNDOFF * error.evaluate([x]));
    expect(FLOAT64_UNIT_ROUNDOFF * error.evaluate([x])).toBeLessThan(1e-15);
  });
});
