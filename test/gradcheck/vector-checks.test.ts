import { describe, expect, it } from 'vitest';
import { builtinCatalog, derive, parseExpression } from '../../src/symbolic/index.ts';
import { compileExpression, seededRandom } from '../../src/numeric/index.ts';
import {
  checkElementwise, checkJacobian, checkProjection, gradcheckEntryJacobian, gradcheckSecondOrder,
} from '../../src/gradcheck/index.ts';

const softmax = (z: readonly number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b);
  return e.map((v) => v / s);
};
const softmaxJacobian = (z: readonly number[]) => {
  const p = softmax(z);
  return p.map((pi, i) => p.map((pj, j) => (i === j ? pi * (1 - pi) : -pi * pj)));
};
const times = (A: readonly (readonly number[])[], u: readonly number[]) => A.map((row) => row.reduce((s, a, k) => s + a * u[k]!, 0));

describe('elementwise check', () => {
  const mish = compileExpression(parseExpression('mish(x)'), { variables: ['x'] });
  const dmish = compileExpression(derive(parseExpression('x*tanh(softplus(x))'), 'x'), { variables: ['x'] });
  const rand = seededRandom(3);
  const points = Float64Array.from({ length: 20_000 }, () => (rand() - 0.5) * 60);

  it('passes Mish′ at all points and catches Mish′ without its Δ term', () => {
    expect(checkElementwise({ f: (x) => mish.evaluateMany([x]), df: (x) => dmish.evaluateMany([x]), points }).status).toBe('pass');
    const wrong = compileExpression(parseExpression('tanh(softplus(x))'), { variables: ['x'] });
    const r = checkElementwise({ f: (x) => mish.evaluateMany([x]), df: (x) => wrong.evaluateMany([x]), points });
    expect(r.status).toBe('fail');
    expect(r.failureCount).toBeGreaterThan(1000);
  });

  it('works in float32 with the float32 preset', () => {
    const f32 = compileExpression(parseExpression('mish(x)'), { variables: ['x'], dtype: 'float32' });
    const d32 = compileExpression(derive(parseExpression('x*tanh(softplus(x))'), 'x'), { variables: ['x'], dtype: 'float32' });
    expect(checkElementwise({ f: (x) => f32.evaluateMany([x]), df: (x) => d32.evaluateMany([x]), points: points.subarray(0, 5000), dtype: 'float32' }).status).toBe('pass');
  });

  it('reports kinks of black-box functions (Chainer test) instead of failing', () => {
    const r = checkElementwise({ f: (x) => x.map((t) => Math.max(0, t)), df: (x) => x.map((t) => (t > 0 ? 1 : 0)), points: [-1, 1e-12, 0, 2] });
    expect(r.status).toBe('pass');
    expect(r.kinks.length).toBeGreaterThan(0);
    expect(r.kinks.every((k) => k.left === 0 || k.right === 0)).toBe(true);
  });

  it('the off-diagonal probe catches a function that is not elementwise', () => {
    const r = checkElementwise({
      f: (x) => Float64Array.from(softmax(Array.from(x))),
      df: (x) => { const p = softmax(Array.from(x)); return p.map((v) => v * (1 - v)); },
      points: [0.5, -1, 2, 0.1, 3],
    });
    expect(r.status).toBe('fail');
    expect(r.failures.some((f) => /not elementwise/.test(f.hint ?? ''))).toBe(true);
  });
});

describe('Jacobian and projection checks', () => {
  const at = [[0.1, -2, 3], [5, 5, 5], [-20, 0, 20]];

  it('checks the full softmax Jacobian and catches one wrong sign', () => {
    expect(checkJacobian({ f: softmax, jacobian: softmaxJacobian, at }).status).toBe('pass');
    const bad = (z: readonly number[]) => softmaxJacobian(z).map((r, i) => r.map((v, j) => (i === 0 && j === 2 ? -v : v)));
    const r = checkJacobian({ f: softmax, jacobian: bad, at });
    expect(r.status).toBe('fail');
    expect(r.failures[0]!.wrt).toBe('∂F1/∂x3');
  });

  it('checks the softmax cross-entropy gradient in z1, z2, z3 at once', () => {
    const entry = builtinCatalog().get('softmax_cross_entropy');
    expect(gradcheckEntryJacobian(entry, { wrt: ['z1', 'z2', 'z3'], points: 30 }).status).toBe('pass');
  });

  it('vᵀJu probes pass a right Jacobian and sampled coordinates catch a single wrong entry', () => {
    expect(checkProjection({ f: softmax, jvp: (x, u) => times(softmaxJacobian(x), u), at: [0.3, 1, -2] }).status).toBe('pass');
    const oneWrong = (z: readonly number[]) => softmaxJacobian(z).map((r, i) => r.map((v, j) => (i === 1 && j === 2 ? v + 1e-3 : v)));
    const r = checkProjection({ f: softmax, jvp: (x, u) => times(oneWrong(x), u), at: [0.3, 1, -2], coordinates: 20 });
    expect(r.status).toBe('fail');
  });
});

describe('second-order check', () => {
  it('passes a right second derivative and catches a wrong one', () => {
    expect(gradcheckSecondOrder({ f: 'x*sigmoid(x)', d2: 'sigmoid(x)*sigmoid(-x)*(2 - x*tanh(x/2))', variable: 'x' }).status).toBe('pass');
    expect(gradcheckSecondOrder({ f: 'x*sigmoid(x)', d2: 'sigmoid(x)*sigmoid(-x)*(2 + x*tanh(x/2))', variable: 'x' }).status).toBe('fail');
  });

  it('checks the symbolic second derivative of every smooth activation', () => {
    for (const name of ['sigmoid', 'tanh', 'softplus', 'swish', 'mish']) {
      const entry = builtinCatalog().get(name);
      const d2 = derive(derive(entry.definition, 'x'), 'x');
      expect(gradcheckSecondOrder({ f: entry.definition, d2, variable: 'x', points: 100 }).status, name).toBe('pass');
    }
  });
});
