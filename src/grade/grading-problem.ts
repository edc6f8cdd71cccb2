/**
 * What an answer is judged against: the expected expression, and when the question asks for a
 * derivative, the function and variable it is taken of (which the diagnostics need), with the
 * variables' and parameters' domains and any assumptions.
 */
import type { MathNode } from 'mathjs';
import { GradproofError, derive, freeSymbols, parseAnswer, toTex, type Assumption, type Catalog, type Interval } from '../symbolic/index.ts';

/** A variable or parameter and the interval answers are compared on. */
export interface SymbolDomain {
  readonly name: string;
  readonly domain: Interval;
}

/** The derivative a question asks for: d `definition` / d `wrt`. */
export interface DerivativeTarget {
  /** Catalog name or `expression` when given inline. */
  readonly of: string;
  readonly definition: MathNode;
  readonly wrt: string;
}

/** A resolved question, ready for answer tests. */
export interface GradingProblem {
  readonly expected: MathNode;
  readonly expectedTex: string;
  /** Present for derivative questions. */
  readonly derivative?: DerivativeTarget;
  /** Variables then parameters: every free symbol an answer may use (besides e, pi, where-symbols). */
  readonly symbols: readonly SymbolDomain[];
  /** Names of the parameters among `symbols` (never candidates for "wrong variable"). */
  readonly parameters: readonly string[];
  readonly assumptions: readonly Assumption[];
}

/** Interval used for a variable whose domain is not given or not bounded: where activations bend. */
export const DEFAULT_SAMPLE_INTERVAL: Interval = { min: -4, max: 4 };

/** How a problem is specified (by a question bank entry, the CLI or the API). */
export interface ProblemSpec {
  /** Expected expression (text or LaTeX), or a node. */
  readonly expected?: string | MathNode;
  /** Catalog function whose derivative is expected. */
  readonly derivativeOf?: string;
  /** Variable of the derivative (default: the function's first variable). */
  readonly wrt?: string;
  readonly variables?: readonly SymbolDomain[];
  readonly parameters?: readonly SymbolDomain[];
  readonly assumptions?: readonly Assumption[];
  readonly catalog: Catalog;
}

/**
 * Resolves a {@link ProblemSpec}: parses `expected`, or derives the catalog function, and fills
 * the symbols' domains (catalog domains, then {@link DEFAULT_SAMPLE_INTERVAL}).
 * @throws GradproofError GP_INPUT when neither or both of expected / derivativeOf are given.
 */
export function resolveProblem(spec: ProblemSpec): GradingProblem {
  if ((spec.expected === undefined) === (spec.derivativeOf === undefined)) {
    throw new GradproofError('GP_INPUT', 'question: expected exactly one of `expected` or `derivative: {of, wrt}`, got ' +
      (spec.expected === undefined ? 'neither' : 'both'));
  }
  const given = new Map<string, SymbolDomain>();
  for (const s of [...(spec.variables ?? []), ...(spec.parameters ?? [])]) given.set(s.name, s);
  const parameters = (spec.parameters ?? []).map((s) => s.name);
  if (spec.derivativeOf !== undefined) {
    const entry = spec.catalog.get(spec.derivativeOf);
    const wrt = spec.wrt ?? entry.variables[0]!.name;
    const all = [...entry.variables, ...entry.parameters];
    if (!all.some((v) => v.name === wrt)) {
      throw new GradproofError('GP_INPUT', `derivative of ${entry.name}: expected wrt one of ${all.map((v) => v.name).join(', ')}, got '${wrt}'`);
    }
    for (const v of all) if (!given.has(v.name)) given.set(v.name, { name: v.name, domain: samplingDomain(v.domain) });
    for (const p of entry.parameters) if (!parameters.includes(p.name)) parameters.push(p.name);
    const expected = derive(entry.definition, wrt);
    return {
      expected, expectedTex: toTex(expected), derivative: { of: entry.name, definition: entry.definition, wrt },
      symbols: restrictByAssumptions([...given.values()], spec.assumptions ?? []), parameters, assumptions: spec.assumptions ?? [],
    };
  }
  const expected = typeof spec.expected === 'string' ? parseAnswer(spec.expected).node : spec.expected!;
  for (const name of freeSymbols(expected)) if (!given.has(name)) given.set(name, { name, domain: DEFAULT_SAMPLE_INTERVAL });
  return { expected, expectedTex: toTex(expected), symbols: restrictByAssumptions([...given.values()], spec.assumptions ?? []), parameters, assumptions: spec.assumptions ?? [] };
}

/** Width of the sampling interval opened beside an assumption that excludes the whole default domain. */
const ASSUMED_INTERVAL_WIDTH = 8;

/**
 * Narrows each symbol's sampling domain to what the assumptions allow (x > 0 keeps (0, max]), so
 * no witness is drawn where the instructor said the answer need not hold.
 */
export function restrictByAssumptions(symbols: readonly SymbolDomain[], assumptions: readonly Assumption[]): SymbolDomain[] {
  return symbols.map((symbol) => {
    let { min, max, openMin, openMax } = symbol.domain;
    for (const a of assumptions.filter((a) => a.variable === symbol.name)) {
      if ((a.relation === '>' || a.relation === '>=') && a.value >= min) {
        min = a.value;
        openMin = a.relation === '>';
      }
      if ((a.relation === '<' || a.relation === '<=') && a.value <= max) {
        max = a.value;
        openMax = a.relation === '<';
      }
    }
    if (!(min < max)) {
      // The assumption lies outside the default interval: sample beside it instead.
      if (Number.isFinite(min) && min > symbol.domain.min) max = min + ASSUMED_INTERVAL_WIDTH;
      else min = max - ASSUMED_INTERVAL_WIDTH;
    }
    return { ...symbol, domain: { min, max, ...(openMin ? { openMin } : {}), ...(openMax ? { openMax } : {}) } };
  });
}


/** A catalog domain made finite for sampling (−∞..∞ becomes {@link DEFAULT_SAMPLE_INTERVAL}). */
export function samplingDomain(domain: Interval): Interval {
  return {
    ...domain,
    min: Number.isFinite(domain.min) ? domain.min : Math.min(DEFAULT_SAMPLE_INTERVAL.min, Number.isFinite(domain.max) ? domain.max - 8 : 0),
    max: Number.isFinite(domain.max) ? domain.max : Math.max(DEFAULT_SAMPLE_INTERVAL.max, Number.isFinite(domain.min) ? domain.min + 8 : 0),
  };
}
