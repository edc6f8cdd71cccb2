/**
 * Line charts rendered to SVG on the server by Observable Plot, with linkedom as the document.
 * The plot module takes arrays of points, so it does not care who computed them (the numeric
 * layer's compiler, a gradcheck sweep, a training run's metrics).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { trustedHtml, type Html } from './safe-html.ts';

/** One point of a series. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

/** A named line. */
export interface PlotSeries {
  readonly name: string;
  readonly points: readonly PlotPoint[];
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions {
  readonly series: readonly PlotSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Logarithmic axes (non-positive values are dropped). */
  readonly logX?: boolean;
  readonly logY?: boolean;
  /** Fixed y range; values outside it are clipped. */
  readonly yDomain?: readonly [number, number];
  /** Pixel size; defaults {@link DEFAULT_WIDTH} × {@link DEFAULT_HEIGHT}. */
  readonly width?: number;
  readonly height?: number;
  /** Draw a dot on every point (short series such as per-epoch metrics). */
  readonly dots?: boolean;
  /** Label only whole-number x ticks (epochs). */
  readonly integerX?: boolean;
}

/** Default plot width in pixels: two plots side by side fit the 1040 px page. */
export const DEFAULT_WIDTH = 480;
/** Default plot height in pixels. */
export const DEFAULT_HEIGHT = 280;

interface Row {
  x: number;
  y: number;
  series: string;
}

/**
 * An SVG line chart (as HTML: an `<svg>`, or a `<figure>` with a legend when there are several
 * series). Non-finite points become gaps.
 */
export function linePlot(options: LinePlotOptions): Html {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const rows: Row[] = [];
  for (const s of options.series) {
    for (const p of s.points) {
      const ok = Number.isFinite(p.x) && Number.isFinite(p.y) && (!options.logX || p.x > 0) && (!options.logY || p.y > 0);
      rows.push({ x: p.x, y: ok ? p.y : NaN, series: s.name });
    }
  }
  const several = options.series.length > 1;
  const chart = Plot.plot({
    document: document as unknown as Document,
    width: options.width ?? DEFAULT_WIDTH,
    height: options.height ?? DEFAULT_HEIGHT,
    grid: true,
    style: { background: 'white', fontSize: '11px' },
    x: { label: options.xLabel, type: options.logX ? 'log' : 'linear', tickFormat: options.integerX ? (d: number) => (Number.isInteger(d) ? String(d) : '') : undefined },
    y: { label: options.yLabel, type: options.logY ? 'log' : 'linear', domain: options.yDomain ? [...options.yDomain] : undefined, clamp: Boolean(options.yDomain) },
    color: several ? { legend: true, type: 'categorical' } : undefined,
    marks: [
      ...(options.logY ? [] : [Plot.ruleY([0], { stroke: '#aaa' })]),
      Plot.line(rows, { x: 'x', y: 'y', z: 'series', stroke: several ? 'series' : '#2454a6', strokeWidth: 1.8 }),
      ...(options.dots ? [Plot.dot(rows, { x: 'x', y: 'y', fill: several ? 'series' : '#2454a6', r: 2 })] : []),
    ],
  });
  return trustedHtml((chart as unknown as { outerHTML: string }).outerHTML);
}
