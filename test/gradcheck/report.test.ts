import { describe, expect, it } from 'vitest';
import { GRADCHECK_SCHEMA_VERSION, formatReport, gradcheck } from '../../src/gradcheck/index.ts';

describe('reports', () => {
  it('have the documented JSON shape', () => {
    const r = JSON.parse(JSON.stringify(gradcheck({ f: 'abs(x)*x', df: '2*abs(x)', variable: 'x', points: 50, seed: 9 })));
    expect(r.schemaVersion).toBe(GRADCHECK_SCHEMA_VERSION);
    expect(r.status).toBe('pass');
    expect(r.checked).toBeGreaterThan(40);
    for (const key of ['point', 'analytic', 'numeric', 'absError', 'relError', 'ulpError', 'oracle', 'step']) expect(r.worst).toHaveProperty(key);
    expect(Array.isArray(r.kinks)).toBe(true);
    expect(r.failures).toEqual([]);
    expect(r.seed).toBe(9);
  });

  it('print the point, both values, the errors, the tolerance, the seed and a hint on failure', () => {
    const r = gradcheck({ f: 'exp(2*x)', df: 'exp(2*x)', variable: 'x', points: 30, seed: 5 });
    const text = formatReport(r);
    expect(r.status).toBe('fail');
    expect(text).toMatch(/^FAIL/);
    expect(text).toMatch(/worst failure at x=/);
    expect(text).toMatch(/analytic .* numeric .*\(richardson|dual/);
    expect(text).toMatch(/tolerance/);
    expect(text).toMatch(/seed 5/);
    expect(text).toMatch(/hint: .*factor of 2/);
  });

  it('reject bad options with messages naming them', () => {
    expect(() => gradcheck({ f: 'x', df: '1', variable: 'x', points: 0 })).toThrow(/points: expected an integer/);
    expect(() => gradcheck({ f: 'x', df: '1', variable: 'x', range: [1, -1] })).toThrow(/range: expected/);
    expect(() => gradcheck({ f: 'x', df: '1', variable: 'x', atol: -1 })).toThrow(/atol: expected/);
    expect(() => gradcheck({ f: 'x +', df: '1', variable: 'x' })).toThrow(/position/);
  });
});
