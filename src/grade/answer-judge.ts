/**
 * The evidence behind every answer test, computed lazily and once per (problem, answer): values
 * at sample points (float64, compiled), the equivalence verdict (prover, with a numerical
 * pre-screen whose witnesses are confirmed in high precision), and `matches(candidate)` used by
 * the diagnostics. All of it under one deadline, so a submission cannot take longer than its
 * time budget.
 */
import type { MathNode } from 'mathjs';
import { compileExpression, type CompiledExpression } from '../numeric/index.ts';
import { evaluatePrecise, prove, type DomainNote, type ProofResult } from '../symbolic/index.ts';
import type { GradingProblem } from './grading-problem.ts';
import { samplePoints, type SamplePoint } from './sample-points.ts';

/** Relative + absolute tolerance for numerical comparisons. */
export interface Tolerance {
  readonly relative: number;
  readonly absolute: number;
}

/** Default: far above float64 rounding in these formulas (~1e-13), far below any real mistake. */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 1e-7, absolute: 1e-9 };

/** Longest single proof attempt; the rest of the budget stays for diagnostics. */
const MAX_PROOF_MS = 1500;

/** Shortest proof attempt worth starting. */
const MIN_PROOF_MS = 30;

/** Points where a float NaN in the answer is checked in high precision (each check costs ~1 ms). */
const MAX_GAP_CHECKS = 3;

/** Digits of high-precision values in witnesses (issue 2: >= 40). */
const WITNESS_DIGITS = 45;

/** How a candidate compares with the answer. */
export type MatchStatus = 'proved' | 'numerical' | 'refuted';

/** The equivalence verdict of an answer. */
export interface Equivalence {
  readonly status: 'proved' | 'refuted' | 'undecided';
  readonly method: string;
  readonly reason?: string;
  readonly witness?: { point: Record<string, string>; expected: string; answer: string; difference: string };
  readonly domainNotes: readonly DomainNote[];
}

/** Closeness of two values under an absolute + relative tolerance. */
export function close(a: number, b: number, tol: Tolerance): boolean {
  return Math.abs(a - b) <= tol.absolute + tol.relative * Math.max(Math.abs(a), Math.abs(b));
}

/** What every answer to one problem shares: sample points, values of problem-level expressions, derived candidates. */
interface ProblemCache {
  readonly points: readonly SamplePoint[];
  readonly values: WeakMap<MathNode, Float64Array>;
  readonly memo: Map<string, unknown>;
}

/** Caches per problem object (a bank's questions live as long as the bank). */
const PROBLEM_CACHES = new WeakMap<GradingProblem, Map<number, ProblemCache>>();

function problemCache(problem: GradingProblem, sampleCount: number | undefined): ProblemCache {
  let bySize = PROBLEM_CACHES.get(problem);
  if (!bySize) PROBLEM_CACHES.set(problem, (bySize = new Map()));
  const key = sampleCount ?? -1;
  let cache = bySize.get(key);
  if (!cache) bySize.set(key, (cache = { points: samplePoints(problem.symbols, sampleCount), values: new WeakMap(), memo: new Map() }));
  return cache;
}

/** Judges one answer against one problem. */
export class AnswerJudge {
  readonly points: readonly SamplePoint[];
  private readonly names: string[];
  private readonly valueCache = new WeakMap<MathNode, Float64Array>();
  private readonly shared: ProblemCache;
  private equivalenceMemo?: Equivalence;
  readonly notes: string[] = [];

  constructor(
    readonly problem: GradingProblem,
    readonly answer: MathNode,
    readonly deadline: number,
    readonly tolerance: Tolerance = DEFAULT_TOLERANCE,
    sampleCount?: number,
  ) {
    this.names = problem.symbols.map((s) => s.name);
    this.shared = problemCache(problem, sampleCount);
    this.points = this.shared.points;
  }

  /**
   * A value derived from the problem alone (a diagnostic's candidate), computed once for all
   * answers to it. `key` must identify what `make` computes.
   */
  problemMemo<T>(key: string, make: () => T): T {
    if (!this.shared.memo.has(key)) this.shared.memo.set(key, make());
    return this.shared.memo.get(key) as T;
  }

  /** Milliseconds left before the deadline. */
  remaining(): number {
    return this.deadline - Date.now();
  }

  /** float64 values of `node` at the sample points (NaN where undefined or not compilable). */
  values(node: MathNode, problemLevel = node === this.problem.expected): Float64Array {
    const store = problemLevel ? this.shared.values : this.valueCache;
    let cached = store.get(node);
    if (cached) return cached;
    cached = new Float64Array(this.points.length).fill(NaN);
    try {
      const compiled = compileExpression(node, { variables: this.names });
      this.compiledAnswer ??= node === this.answer ? compiled : undefined;
      compiled.evaluateMany(this.columns(), cached);
    } catch {
      // Not compilable (e.g. an unknown symbol): every value stays NaN, so nothing matches numerically.
    }
    store.set(node, cached);
    return cached;
  }

  private columnCache?: Float64Array[];
  private compiledAnswer?: CompiledExpression;

  private columns(shift?: { name: string; by: number }): Float64Array[] {
    this.columnCache ??= this.names.map((n) => Float64Array.from(this.points, (p) => p[n]!));
    if (!shift) return this.columnCache;
    return this.columnCache.map((c, i) => (this.names[i] === shift.name ? c.map((v) => v + shift.by) : c));
  }

  /**
   * d answer / d `variable` at the sample points by a central difference (step 1e-5: error
   * ~1e-10 relative for these smooth functions), a cheap pre-screen before differentiating
   * the answer symbolically.
   */
  answerSlope(variable: string): Float64Array {
    const h = 1e-5;
    this.values(this.answer, false);
    const f = this.compiledAnswer;
    const out = new Float64Array(this.points.length).fill(NaN);
    if (!f) return out;
    const up = f.evaluateMany(this.columns({ name: variable, by: h }));
    const down = f.evaluateMany(this.columns({ name: variable, by: -h }));
    for (let i = 0; i < out.length; i++) out[i] = (up[i]! - down[i]!) / (2 * h);
    return out;
  }

  /** Indices of points where the expected expression is finite but the answer is not: a domain mismatch. */
  domainGaps(): number[] {
    if (this.gapMemo) return this.gapMemo;
    const e = this.values(this.problem.expected);
    const a = this.values(this.answer);
    const gaps: number[] = [];
    let checked = 0;
    for (let i = 0; i < e.length && checked < MAX_GAP_CHECKS; i++) {
      if (!Number.isFinite(e[i]!) || Number.isFinite(a[i]!)) continue;
      // float64 overflow (e^{600}) is not a domain gap: ask the 45-digit evaluation.
      checked++;
      if (this.undefinedAt(this.answer, this.points[i]!)) gaps.push(i);
    }
    return (this.gapMemo = gaps);
  }

  private gapMemo?: number[];

  /** True when `node` is undefined (NaN) at `point` in high precision, not merely overflowing. */
  private undefinedAt(node: MathNode, point: SamplePoint): boolean {
    const at: Record<string, string> = {};
    for (const [k, v] of Object.entries(point)) at[k] = String(v);
    try {
      return evaluatePrecise(node, at, { digits: WITNESS_DIGITS }).isNaN();
    } catch {
      return false;
    }
  }

  /** First point where both are finite and differ beyond tolerance, or -1; `compared` counts points where both are finite. */
  firstDifference(reference: MathNode, node: MathNode = this.answer, referenceIsProblemLevel = true): { index: number; compared: number } {
    const e = this.values(reference, referenceIsProblemLevel);
    const a = this.values(node);
    let compared = 0;
    for (let i = 0; i < e.length; i++) {
      if (!Number.isFinite(e[i]!) || !Number.isFinite(a[i]!)) continue;
      compared++;
      if (!close(e[i]!, a[i]!, this.tolerance)) return { index: i, compared };
    }
    return { index: -1, compared };
  }

  /** The equivalence of answer and expected. */
  equivalence(): Equivalence {
    if (this.equivalenceMemo) return this.equivalenceMemo;
    const expected = this.problem.expected;
    const screen = this.firstDifference(expected);
    if (screen.index >= 0) {
      const witness = this.confirmWitness(expected, this.answer, this.points[screen.index]!);
      if (witness) return (this.equivalenceMemo = { status: 'refuted', method: 'sampled witness, confirmed at 45 digits', witness, domainNotes: [] });
    }
    const proof = this.prove(expected, this.answer);
    const result: Equivalence = proof === undefined
      ? { status: 'undecided', method: 'none', reason: 'time budget exhausted before a proof was attempted', domainNotes: [] }
      : {
        status: proof.status, method: proof.method, domainNotes: proof.domainNotes,
        reason: proof.status === 'undecided' ? proof.reason : undefined,
        witness: proof.status === 'refuted' ? { point: { ...proof.witness.point }, expected: proof.witness.a, answer: proof.witness.b, difference: proof.witness.difference } : undefined,
      };
    return (this.equivalenceMemo = result);
  }

  /**
   * Whether the answer equals `candidate`: refuted at once when the samples differ, otherwise
   * proved by the prover, or only `numerical` when the prover cannot decide in time.
   */
  matches(candidate: MathNode, problemLevel = true): MatchStatus {
    const screen = this.firstDifference(candidate, this.answer, problemLevel);
    if (screen.index >= 0 || screen.compared === 0) return 'refuted';
    const proof = this.prove(candidate, this.answer);
    if (proof?.status === 'proved') return 'proved';
    if (proof?.status === 'refuted') return 'refuted';
    return 'numerical';
  }

  /** Runs the prover within what is left of the budget; undefined when no time is left. */
  prove(a: MathNode, b: MathNode): ProofResult | undefined {
    const budget = Math.min(MAX_PROOF_MS, this.remaining());
    if (budget < MIN_PROOF_MS) {
      if (!this.notes.includes('time budget exhausted')) this.notes.push('time budget exhausted');
      return undefined;
    }
    return prove(a, b, { variables: this.names, assumptions: this.problem.assumptions, timeBudgetMs: budget });
  }

  /** High-precision values of both sides at `point`, when they really differ there. */
  private confirmWitness(expected: MathNode, answer: MathNode, point: SamplePoint): Equivalence['witness'] {
    const at: Record<string, string> = {};
    for (const [k, v] of Object.entries(point)) at[k] = String(v);
    try {
      const key = `precise:${this.points.indexOf(point)}`;
      const e = expected === this.problem.expected
        ? this.problemMemo(key, () => evaluatePrecise(expected, at, { digits: WITNESS_DIGITS }))
        : evaluatePrecise(expected, at, { digits: WITNESS_DIGITS });
      const a = evaluatePrecise(answer, at, { digits: WITNESS_DIGITS });
      if (!e.isFinite() || !a.isFinite()) return undefined;
      const difference = a.minus(e);
      const scale = e.abs().plus(a.abs()).plus(1);
      if (difference.abs().lte(scale.times(1e-30))) return undefined;
      return { point: at, expected: e.toString(), answer: a.toString(), difference: difference.toString() };
    } catch {
      return undefined;
    }
  }
}
