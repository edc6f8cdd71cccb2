import { describe, expect, it } from 'vitest';
import { linePlot } from '../../src/site/index.ts';

const points = Array.from({ length: 21 }, (_, i) => ({ x: i - 10, y: Math.tanh(i - 10) }));

describe('linePlot (Observable Plot on linkedom)', () => {
  it('renders one series as an SVG with a line path and axis labels', () => {
    const svg = linePlot({ series: [{ name: 'tanh', points }], xLabel: 'x', yLabel: 'tanh' }).value;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path[^>]* d="M/);
    expect(svg).toContain('tanh');
  });

  it('several series get a legend; non-finite points become gaps, not NaN in the path', () => {
    const withGap = points.map((p) => (p.x === 0 ? { x: 0, y: Infinity } : p));
    const out = linePlot({ series: [{ name: 'a', points }, { name: 'b', points: withGap }], xLabel: 'x', yLabel: 'y' }).value;
    expect(out.startsWith('<figure')).toBe(true);
    expect(out).toContain('swatch');
    expect(out).not.toMatch(/NaN|Infinity/);
  });

  it('log axes drop non-positive values', () => {
    const out = linePlot({ series: [{ name: 'err', points: [{ x: 1e-3, y: 1e-6 }, { x: 1e-2, y: 0 }, { x: 1e-1, y: 1e-4 }] }], xLabel: 'h', yLabel: 'e', logX: true, logY: true }).value;
    expect(out).not.toMatch(/NaN|Infinity/);
    expect(out).toMatch(/<path[^>]* d="M/);
  });
});
