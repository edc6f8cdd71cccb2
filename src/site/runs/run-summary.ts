/**
 * What the Experiments page needs from one run, found by name in whatever the trainer wrote:
 * the activation and its α, final train/test loss and accuracy, learned parameters (PReLU α,
 * Swish-β β) per layer, and the metric series of the learning curves.
 */
import type { PlotPoint } from '../plot-svg.ts';
import type { JsonObject, RunRecord } from './read-runs.ts';

/** A run reduced to the numbers shown. */
export interface RunSummary {
  readonly name: string;
  readonly label: string;
  /** Catalog activation name, when the config names one. */
  readonly activation?: string;
  readonly alpha?: number;
  /** Loss name when the config names one (bce, mse, …): Q2 runs. */
  readonly loss?: string;
  /** False for runs on plain MNIST (no inverted copies), which the document's table does not cover. */
  readonly inverted?: boolean;
  readonly trainLoss?: number;
  readonly trainAcc?: number;
  readonly testLoss?: number;
  readonly testAcc?: number;
  /** Learned parameter vectors by name, e.g. `alpha` → one array per layer. */
  readonly learned: Readonly<Record<string, readonly (readonly number[])[]>>;
  /** Metric name → points (x = epoch, or step when there is no epoch). */
  readonly curves: Readonly<Record<string, readonly PlotPoint[]>>;
}

/** Every number in `value`, keyed by its dotted path. */
function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}

function findNumber(flat: Record<string, unknown>, pattern: RegExp): number | undefined {
  for (const [key, value] of Object.entries(flat)) if (pattern.test(key) && typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}

const ALIASES: Readonly<Record<string, string>> = { leaky: 'leaky_relu', leakyrelu: 'leaky_relu', 'leaky-relu': 'leaky_relu', linear: 'identity' };

/** The training settings: the trainer nests them under `config` in config.json. */
function settingsOf(config: JsonObject | undefined): JsonObject | undefined {
  const inner = config?.config;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as JsonObject) : config;
}

function activationOf(config: JsonObject | undefined): { name?: string; alpha?: number } {
  const a = config?.activation;
  const raw = typeof a === 'string' ? a : a && typeof a === 'object' ? (a as JsonObject).name : undefined;
  if (typeof raw !== 'string') return {};
  const [head, value] = raw.split(':');
  const name = ALIASES[head!.toLowerCase()] ?? head!.toLowerCase();
  const params = a && typeof a === 'object' ? ((a as JsonObject).params as JsonObject | undefined) : undefined;
  const alpha = typeof params?.alpha === 'number' ? params.alpha : typeof config?.alpha === 'number' ? config.alpha : value !== undefined && Number.isFinite(Number(value)) ? Number(value) : undefined;
  return { name, alpha };
}

/** Arrays of numbers (or arrays of them) under keys naming a learned parameter. */
function learnedOf(final: JsonObject | undefined): Record<string, number[][]> {
  const learned: Record<string, number[][]> = {};
  const visit = (value: unknown, key: string): void => {
    const match = /(alpha|beta)s?$/i.exec(key);
    if (match && value && typeof value === 'object' && Array.isArray((value as JsonObject).values)) {
      visit((value as JsonObject).values, key); // { values, mean, std }
      return;
    }
    if (match && Array.isArray(value)) {
      const layers = value.every((v) => typeof v === 'number') ? [value as number[]] : value.filter((v): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number'));
      if (layers.length) (learned[match[1]!.toLowerCase()] ??= []).push(...layers);
      return;
    }
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(final, '');
  return learned;
}

function curvesOf(metrics: readonly JsonObject[]): Record<string, PlotPoint[]> {
  const curves: Record<string, PlotPoint[]> = {};
  metrics.forEach((row, i) => {
    const x = typeof row.epoch === 'number' ? row.epoch : typeof row.step === 'number' ? row.step : i + 1;
    for (const [key, value] of Object.entries(flatten(row))) {
      if (key === 'epoch' || key === 'step' || typeof value !== 'number' || !/loss|acc/i.test(key)) continue;
      (curves[key] ??= []).push({ x, y: value });
    }
  });
  // A resumed run may repeat epochs: keep the last value of each, in epoch order.
  for (const [key, points] of Object.entries(curves)) {
    curves[key] = [...new Map(points.map((p) => [p.x, p])).values()].sort((a, b) => a.x - b.x);
  }
  return curves;
}

/** Reduces a run to what the Experiments page shows. */
export function summarizeRun(run: RunRecord): RunSummary {
  const flat = flatten(run.final ?? {});
  const settings = settingsOf(run.config);
  const { name: activation, alpha } = activationOf(settings ?? (run.final as JsonObject | undefined));
  const loss = typeof settings?.loss === 'string' ? settings.loss : undefined;
  const title = typeof run.final?.title === 'string' ? run.final.title : typeof settings?.label === 'string' ? settings.label : undefined;
  const withAlpha = (name: string) => (alpha === undefined || name.includes('α') ? name : `${name} α = ${alpha}`);
  const label = title ? withAlpha(title) : activation ? withAlpha(activation) : run.name;
  return {
    name: run.name, label, activation, alpha, loss,
    inverted: typeof settings?.invert === 'boolean' ? settings.invert : undefined,
    trainLoss: findNumber(flat, /^train\w*\.?loss$|^train_?loss$|^loss$/i),
    trainAcc: findNumber(flat, /^train\w*\.?acc(uracy)?$|^train_?acc(uracy)?$|^acc(uracy)?$/i),
    // Test numbers, or validation ones when the run has no test split.
    testLoss: findNumber(flat, /^test\.?_?loss$/i) ?? findNumber(flat, /^val\w*\.?_?loss$/i),
    testAcc: findNumber(flat, /^test\.?_?acc(uracy)?$/i) ?? findNumber(flat, /^val\w*\.?_?acc(uracy)?$/i),
    learned: learnedOf(run.final),
    curves: curvesOf(run.metrics),
  };
}
