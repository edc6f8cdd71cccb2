import { describe, expect, it } from 'vitest';
import { builtinCatalog, parseExpression } from '../../src/symbolic/index.ts';
import { KinkLocator, detectNonDifferentiable, gradcheck, gradcheckEntry } from '../../src/gradcheck/index.ts';

const catalog = builtinCatalog();

describe('kinks', () => {
  const cases: { name: string; left: number; right: number; params: Record<string, number> }[] = [
    { name: 'relu', left: 0, right: 1, params: {} },
    { name: 'leaky_relu', left: 0.2, right: 1, params: { alpha: 0.2 } },
    { name: 'abs', left: -1, right: 1, params: {} },
  ];
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of cases) {
      it(`${c.name} at 0 is reported as a kink with its one-sided derivatives (${dtype})`, () => {
        const report = gradcheckEntry(catalog.get(c.name), { dtype, wrt: 'x', params: c.params, points: 100 });
        expect(report.status).toBe('pass');
        const atZero = report.kinks.find((k) => k.point.x === 0);
        expect(atZero).toBeDefined();
        expect(atZero!.left).toBeCloseTo(c.left, 6);
        expect(atZero!.right).toBeCloseTo(c.right, 6);
        expect(atZero!.subgradient).toBe(true);
      });
    }
  }

  it('an analytic value outside the one-sided derivatives at a kink is a failure', () => {
    const r = gradcheck({ f: 'relu(x)', df: 'heaviside(x) + 2*heaviside(-x)*heaviside(x + 1e-300)*0 + 3*(1 - abs(sign(x)))', variable: 'x', at: [0] });
    expect(r.status).toBe('fail');
    expect(r.kinks[0]!.subgradient).toBe(false);
    expect(r.failures[0]!.hint).toMatch(/outside the one-sided derivatives/);
  });

  it('points next to a kink use steps that stay on one side', () => {
    const r = gradcheck({ f: 'abs(x - 1)', df: 'sign(x - 1)', variable: 'x', at: [1 - 1e-12, 1 + 1e-9, 1 - 1e-300, 1.5] });
    expect(r.status).toBe('pass');
  });

  it('treats a kink no piecewise function explains (sqrt(x^2) at 0) as a kink, judged by one-sided derivatives', () => {
    // at 0 the claimed 0.5 differs from the central difference (0) but lies within [−1, 1]
    const ok = gradcheck({ f: 'sqrt(x^2)', df: 'x/sqrt(x^2 + 1e-300) + 0.5*(1 - abs(sign(x)))', variable: 'x', at: [-2, 0, 3] });
    expect(ok.status).toBe('pass');
    expect(ok.kinks).toHaveLength(1);
    expect(ok.kinks[0]!.left).toBeCloseTo(-1, 6);
    expect(ok.kinks[0]!.right).toBeCloseTo(1, 6);
    const nan = gradcheck({ f: 'sqrt(x^2)', df: 'x/sqrt(x^2)', variable: 'x', at: [0] });
    expect(nan.status).toBe('fail');
    expect(nan.failures[0]!.kink).toBe(true);
  });

  it('locates kinks of nested piecewise calls', () => {
    const locator = new KinkLocator(parseExpression('max(x, 2*y) + relu(x - 3)'), ['x', 'y']);
    expect(locator.count).toBe(2);
    expect(locator.atKink([3, 0], 0)).toBe(true);
    expect(locator.atKink([2, 1], 0)).toBe(true);
    expect(locator.atKink([2.5, 0], 0)).toBe(false);
    expect(locator.safeStep([2.9, 0], 0, 1)).toBeLessThanOrEqual(0.025);
  });

  it("detects non-differentiable stencils as Chainer does", () => {
    const h = 1e-3;
    const stencil = (f: (x: number) => number, x: number) => [-2, -1, 0, 1, 2].map((k) => f(x + k * h)) as [number, number, number, number, number];
    expect(detectNonDifferentiable(stencil(Math.abs, 0))).toBe(true);
    expect(detectNonDifferentiable(stencil((x) => Math.max(0, x), 0))).toBe(true);
    expect(detectNonDifferentiable(stencil(Math.log, 0.0015))).toBe(true); // NaN/finite mix
    expect(detectNonDifferentiable(stencil(Math.tanh, 0.3))).toBe(false);
    expect(detectNonDifferentiable(stencil(Math.exp, 2))).toBe(false);
  });
});
