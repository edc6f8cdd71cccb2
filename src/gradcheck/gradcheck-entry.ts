/**
 * Checking catalog entries: every variable and trainable parameter of a function, with the
 * derivative the symbolic deriver gives (or one supplied), at points chosen from the entry's
 * domains and facts (kinks, minima). Used by the trainer (float32 preset) before training and
 * by `gradproof gradcheck`.
 */
import type { MathNode } from 'mathjs';
import { GradproofError, derive, type Catalog, type CatalogEntry, type Interval } from '../symbolic/index.ts';
import { compileExpression, recognizeFunctions, seededRandom } from '../numeric/index.ts';
import { checkJacobian } from './jacobian.ts';
import { collectReport, mergeReports } from './collect-report.ts';
import { resolveSettings, roundedUnique, type CheckSettings } from './gradcheck.ts';
import type { GradcheckReport } from './report.ts';
import { samplePoints } from './sample-points.ts';
import { ScalarChecker } from './scalar-checker.ts';

/** Options of {@link gradcheckEntry}. */
export interface EntryCheckOptions extends CheckSettings {
  /** Variables or parameters to differentiate by (default: every variable and trainable parameter). */
  readonly wrt?: string | readonly string[];
  /** Parameter values (default: each parameter's default). */
  readonly params?: Readonly<Record<string, number>>;
  /** Analytic derivatives by wrt name (default: the symbolic derivative of `form`). */
  readonly df?: Readonly<Record<string, MathNode>>;
  /**
   * Which expression the default derivatives are derived from: `stable` (default) — the entry's
   * stable form (proved equal to the definition) or else its definition with registered
   * functions recognised (1/(1+e^−x) → σ(x)), i.e. what the compiler and the trainer use — or
   * `definition`, derived literally (its naive forms overflow in float32 beyond |x| ≈ 88).
   */
  readonly form?: 'stable' | 'definition';
}

/** Range of the other (not checked) unbounded variables at each point. */
const OTHER_VARIABLE_RANGE = 20;
/** Probability of putting another variable exactly on a closed end of its domain (y = 0, y = 1). */
const ENDPOINT_PROBABILITY = 0.25;

/** The names checked by default: every variable and every trainable parameter. */
export function defaultWrt(entry: CatalogEntry): string[] {
  return [...entry.variables.map((v) => v.name), ...entry.parameters.filter((p) => p.trainable).map((p) => p.name)];
}

/**
 * Checks the derivatives of a catalog entry.
 * @throws GradproofError GP_INPUT for a wrt name that is neither a variable nor a parameter.
 * @example gradcheckEntry(builtinCatalog().get('mish'), { dtype: 'float32' }).status // 'pass'
 */
export function gradcheckEntry(entry: CatalogEntry, options: EntryCheckOptions = {}): GradcheckReport {
  const s = resolveSettings(options);
  const wrts = options.wrt === undefined ? defaultWrt(entry) : typeof options.wrt === 'string' ? [options.wrt] : [...options.wrt];
  const names = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
  const domains: Record<string, Interval> = Object.fromEntries([...entry.variables, ...entry.parameters].map((v) => [v.name, v.domain]));
  const params: Record<string, number> = Object.fromEntries(entry.parameters.map((p) => [p.name, options.params?.[p.name] ?? p.default]));
  for (const [name, value] of Object.entries(options.params ?? {})) {
    if (!(name in params)) throw new GradproofError('GP_INPUT', `parameter '${name}': expected one of ${entry.parameters.map((p) => p.name).join(', ') || '(none)'} for ${entry.name}`);
    if (!Number.isFinite(value)) throw new GradproofError('GP_INPUT', `parameter '${name}': expected a finite number, got ${value}`);
  }
  const perWrt = Math.max(1, Math.floor(s.points / Math.max(1, wrts.length)));
  const reports = wrts.map((wrt, w) => {
    if (!names.includes(wrt)) throw new GradproofError('GP_INPUT', `wrt '${wrt}': expected one of ${names.join(', ')} for ${entry.name}`);
    const df = options.df?.[wrt] ?? derive(options.form === 'definition' ? entry.definition : recognizeFunctions(entry.stable ?? entry.definition), wrt);
    const checker = new ScalarChecker(entry.definition, df, names, wrt, { dtype: s.dtype, oracle: s.oracle, tolerance: s.tolerance, domains });
    const domain = domains[wrt]!;
    const lo = Math.max(s.range[0], domain.min), hi = Math.min(s.range[1], domain.max);
    const facts = entry.facts;
    const xs = roundedUnique(samplePoints({
      count: perWrt, range: [lo, hi], seed: s.seed + w, open: Boolean(domain.openMin || domain.openMax),
      kinks: facts.flatMap((f) => (f.kind === 'kink' && f.variable === wrt ? [f.at] : [])),
      minima: facts.flatMap((f) => (f.kind === 'minimum' && f.variable === wrt ? [f.at] : [])),
    }), s.dtype);
    const rand = seededRandom(s.seed * 7919 + w);
    const outcomes = xs.map((x) => checker.check(names.map((name) => (name === wrt ? x : name in params ? params[name]! : otherValue(domains[name]!, rand)))));
    return collectReport(outcomes, { subject: `d/d${wrt} ${entry.name}`, dtype: s.dtype, seed: s.seed });
  });
  return reports.length === 1 ? reports[0]! : mergeReports(reports, entry.name);
}

/** A random value of a variable that is not being checked: its domain, ends included when closed. */
function otherValue(domain: Interval, rand: () => number): number {
  const lo = Math.max(domain.min, -OTHER_VARIABLE_RANGE), hi = Math.min(domain.max, OTHER_VARIABLE_RANGE);
  const r = rand();
  if (r < ENDPOINT_PROBABILITY && !domain.openMin && Number.isFinite(domain.min)) return domain.min;
  if (r < 2 * ENDPOINT_PROBABILITY && !domain.openMax && Number.isFinite(domain.max)) return domain.max;
  const t = rand();
  const x = lo + (hi - lo) * t;
  return (domain.openMin && x <= domain.min) || (domain.openMax && x >= domain.max) ? (lo + hi) / 2 : x;
}

/** Checks every entry of `catalog` (or the named ones) and merges the reports. */
export function gradcheckCatalog(catalog: Catalog, options: CheckSettings & { readonly names?: readonly string[] } = {}): { report: GradcheckReport; entries: GradcheckReport[] } {
  const entries = (options.names ?? catalog.entries.map((e) => e.name)).map((name) => gradcheckEntry(catalog.get(name), options));
  return { report: mergeReports(entries, 'catalog'), entries };
}

/**
 * Full-gradient (1 × n Jacobian) check of a catalog entry in several variables at once, e.g.
 * softmax cross-entropy in z1, z2, z3: every partial at every point through {@link checkJacobian}.
 */
export function gradcheckEntryJacobian(entry: CatalogEntry, options: { wrt: readonly string[]; points?: number; seed?: number; params?: Readonly<Record<string, number>> }): GradcheckReport {
  const names = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
  for (const w of options.wrt) if (!names.includes(w)) throw new GradproofError('GP_INPUT', `wrt '${w}': expected one of ${names.join(', ')} for ${entry.name}`);
  const domains: Record<string, Interval> = Object.fromEntries([...entry.variables, ...entry.parameters].map((v) => [v.name, v.domain]));
  const form = recognizeFunctions(entry.stable ?? entry.definition);
  const f = compileExpression(entry.definition, { variables: names });
  const partials = options.wrt.map((w) => compileExpression(derive(form, w), { variables: names }));
  const rand = seededRandom(options.seed ?? 1);
  const fixed = Object.fromEntries(entry.parameters.map((p) => [p.name, options.params?.[p.name] ?? p.default]));
  const base = () => names.map((n) => (n in fixed ? fixed[n]! : otherValue(domains[n]!, rand)));
  const full = (x: readonly number[], template: readonly number[]) => {
    const values = [...template];
    options.wrt.forEach((w, k) => { values[names.indexOf(w)] = x[k]!; });
    return values;
  };
  const templates = Array.from({ length: options.points ?? 20 }, base);
  const reports = templates.map((template) => checkJacobian({
    f: (x) => [f.evaluate(full(x, template))],
    jacobian: (x) => [partials.map((p) => p.evaluate(full(x, template)))],
    at: [options.wrt.map((w) => template[names.indexOf(w)]!)],
    names: options.wrt,
    subject: `∇ ${entry.name}`,
  }));
  return mergeReports(reports, `∇(${options.wrt.join(', ')}) ${entry.name}`);
}
