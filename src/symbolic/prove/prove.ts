/**
 * `prove(a, b, options)`: is a = b? Answers `proved` with a certificate, `refuted` with a witness
 * point, or `undecided` with the reason, within a time budget, for any input.
 *
 * Method: `where` definitions are substituted; piecewise functions are split into cases
 * (`case-split.ts`); each smooth pair is decided in the exp/log normal form
 * (`normal-form-proof.ts`), a decision procedure for exp/log/rational expressions. When the
 * normal form of a − b is not zero, or the expressions leave the fragment, a witness is searched
 * at high precision (`witness.ts`): a point where both sides are defined and differ. Sampling
 * never proves: without an exact proof or a witness the verdict is `undecided`. Domain notes
 * (points where one side is undefined, removable singularities) come with every verdict but
 * `refuted`.
 */
import type { MathNode, SymbolNode } from 'mathjs';
import { GradproofError } from '../error.ts';
import { freeSymbols } from '../free-symbols.ts';
import { splitCases, type Interval } from './case-split.ts';
import type { CertificateStep } from './certificate.ts';
import { findDomainNotes } from './domain-notes.ts';
import { proveByNormalForm } from './normal-form-proof.ts';
import { BudgetExceeded, DEFAULT_TIME_BUDGET_MS, ProofBudget } from './proof-budget.ts';
import type { Assumption, DomainNote, ProofResult, ProofVerdict, ProveOptions } from './proof-result.ts';
import { DivisionByZeroPolynomial } from './rational-function.ts';
import { qToNumber, qToString, rationalFromNumber, type Rational } from './rational-number.ts';
import { clearlyDiffer, findWitness, valueAt } from './witness.ts';

/** Largest time budget accepted (one minute): more is a mistake, not a need. */
const MAX_TIME_BUDGET_MS = 60_000;

/** Share of the time budget for the exact proof; the rest is kept for the witness search. */
const EXACT_SHARE = 0.75;

/** Least time for the witness search and for domain notes (ms). */
const WITNESS_RESERVE_MS = 250;

/** Rounds of `where` substitution (definitions may use each other; a cycle stops here). */
const MAX_WHERE_ROUNDS = 8;

/** Value of the other variables when both sides are compared at a kink point. */
const KINK_GENERIC_VALUE = '0.7';

/** Method names of the verdicts. */
export const PROOF_METHODS = {
  normalForm: 'exp-log-normal-form',
  caseSplit: 'case-split + exp-log-normal-form',
  witness: 'numeric-witness',
  sampling: 'numeric-sampling',
} as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Decides whether `a` and `b` are equal as functions of their free symbols.
 *
 * @throws GradproofError GP_INPUT for invalid options (bad variable name, budget, assumption).
 * @example
 * prove(parseExpression('sigmoid(-x)'), parseExpression('1 - sigmoid(x)'), { variables: ['x'] }).status  // 'proved'
 * prove(parseExpression('sigmoid(x)'), parseExpression('1 - sigmoid(x)'), { variables: ['x'] }).status   // 'refuted'
 */
export function prove(a: MathNode, b: MathNode, options: ProveOptions): ProofResult {
  const started = Date.now();
  const resolved = resolveOptions(options);
  const trace = resolved.trace ? [] as string[] : undefined;
  const budget = new ProofBudget(resolved.timeBudgetMs * EXACT_SHARE);
  const A = substituteWhere(a, resolved.where);
  const B = substituteWhere(b, resolved.where);
  const symbols = [...new Set([...resolved.variables, ...freeSymbols(A, B)])]; // variables first, then parameters
  const positive = new Set(resolved.assumptions.filter(isPositivity).map((s) => s.variable));
  const finish = (r: ProofVerdict, notes: DomainNote[] = []): ProofResult =>
    ({ ...r, domainNotes: notes, elapsedMs: Date.now() - started, ...(trace ? { trace } : {}) });

  let reason = '';
  try {
    const split = splitCases(A, B, budget, assumedIntervals(resolved.assumptions));
    if (split.kind === 'none') {
      const outcome = proveByNormalForm(A, B, budget, positive, trace);
      if (outcome.kind === 'proved') {
        const notes = domainNotes(A, B, symbols, resolved.assumptions, resolved.timeBudgetMs - (Date.now() - started));
        return finish({ status: 'proved', method: PROOF_METHODS.normalForm, certificate: { method: PROOF_METHODS.normalForm, steps: outcome.steps } }, notes);
      }
      reason = outcome.opaque.length
        ? `${outcome.opaque.join('; ')}`
        : `the exp/log normal form of a − b is not identically 0 (${outcome.terms} terms)`;
    } else if (split.kind === 'undecided') {
      // Piecewise calls left whole are unknowns of the normal form: a proof that way still holds.
      const outcome = proveByNormalForm(A, B, budget, positive, trace);
      if (outcome.kind === 'proved') {
        const steps = [{ text: `no case split (${split.reason}); piecewise calls kept whole as unknowns`, tex: '\\text{piecewise calls kept whole}' }, ...outcome.steps];
        return finish({ status: 'proved', method: PROOF_METHODS.normalForm, certificate: { method: PROOF_METHODS.normalForm, steps } }, domainNotes(A, B, symbols, resolved.assumptions, resolved.timeBudgetMs - (Date.now() - started)));
      }
      reason = `case split impossible: ${split.reason}`;
    } else {
      const steps: CertificateStep[] = [{
        text: `split at ${split.kinks.map((k) => `${k.variable} = ${qToString(k.at)}`).join(', ') || 'no point (each kink has one sign here)'} into ${split.regions.length} region(s)`,
        tex: `\\text{case split at } ${split.kinks.map((k) => `${k.variable} = ${qToString(k.at)}`).join(',\\ ') || '\\text{(none)}'}`,
      }];
      let failed: string | undefined;
      for (const region of split.regions) {
        const outcome = proveByNormalForm(region.a, region.b, budget, positive, trace);
        if (outcome.kind !== 'proved') {
          failed = `in the region ${region.condition} the sides differ in normal form${outcome.opaque.length ? ` (${outcome.opaque.join('; ')})` : ''}`;
          break;
        }
        steps.push({ text: `case ${region.condition}: ${region.substitutions.join('; ')}`, tex: `\\text{case } ${region.condition}` });
        steps.push(...outcome.steps.map((s) => ({ text: `  ${s.text}`, tex: s.tex })));
      }
      if (!failed) {
        const notes = domainNotes(A, B, symbols, resolved.assumptions, resolved.timeBudgetMs - (Date.now() - started)).concat(kinkNotes(A, B, symbols, split.kinks));
        steps.push({ text: 'every region proved; at the kink points themselves the values were compared directly (see domain notes)', tex: '\\text{every case holds}' });
        return finish({ status: 'proved', method: PROOF_METHODS.caseSplit, certificate: { method: PROOF_METHODS.caseSplit, steps } }, notes);
      }
      reason = failed;
    }
  } catch (error) {
    if (error instanceof BudgetExceeded) reason = `exact proof stopped: ${error.reason}`;
    else if (error instanceof DivisionByZeroPolynomial) reason = 'a side divides by an expression that is identically 0';
    else throw error;
  }

  const searchBudget = new ProofBudget(Math.max(WITNESS_RESERVE_MS, resolved.timeBudgetMs - (Date.now() - started)));
  const search = findWitness(A, B, symbols, resolved.assumptions, searchBudget);
  if (search.witness) return finish({ status: 'refuted', method: PROOF_METHODS.witness, witness: search.witness });
  return finish({
    status: 'undecided', method: PROOF_METHODS.sampling,
    reason: `${reason}; equal at ${search.agreed} of ${search.tried} sample points to 30 digits (sampling never proves)`,
  });
}

interface ResolvedOptions {
  variables: string[];
  assumptions: readonly Assumption[];
  where: Readonly<Record<string, MathNode>>;
  timeBudgetMs: number;
  trace: boolean;
}

function resolveOptions(options: ProveOptions): ResolvedOptions {
  const variables = [...(options.variables ?? [])];
  for (const v of variables) if (typeof v !== 'string' || !IDENTIFIER.test(v)) throw new GradproofError('GP_INPUT', `variables: expected names like x or z1, got ${JSON.stringify(v)}`);
  const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  if (!Number.isFinite(timeBudgetMs) || timeBudgetMs <= 0 || timeBudgetMs > MAX_TIME_BUDGET_MS) {
    throw new GradproofError('GP_INPUT', `timeBudgetMs: expected a number in (0, ${MAX_TIME_BUDGET_MS}], got ${timeBudgetMs}`);
  }
  const assumptions = options.assumptions ?? [];
  for (const s of assumptions) {
    if (!IDENTIFIER.test(s.variable) || !['>', '>=', '<', '<='].includes(s.relation) || !Number.isFinite(s.value)) {
      throw new GradproofError('GP_INPUT', `assumption: expected {variable, relation (> >= < <=), finite value}, got ${JSON.stringify(s)}`);
    }
  }
  return { variables, assumptions, where: options.where ?? {}, timeBudgetMs, trace: options.trace ?? false };
}

/** The open intervals the assumptions allow (x > 0 → (0, ∞)); an endpoint itself is a point of measure zero. */
function assumedIntervals(assumptions: readonly Assumption[]): Map<string, Interval> {
  const out = new Map<string, Interval>();
  for (const s of assumptions) {
    const bound = rationalFromNumber(s.value);
    const old = out.get(s.variable) ?? {};
    const isLower = s.relation === '>' || s.relation === '>=';
    const keep = isLower ? old.lo && !less(old.lo, bound) : old.hi && !less(bound, old.hi);
    if (!keep) out.set(s.variable, isLower ? { ...old, lo: bound } : { ...old, hi: bound });
  }
  return out;
}

const less = (p: Rational, q: Rational): boolean => p.n * q.d < q.n * p.d;

const isPositivity = (s: Assumption): boolean => (s.relation === '>' && s.value >= 0) || (s.relation === '>=' && s.value > 0);

/** Replaces symbols defined in `where` by their definitions (repeatedly, bounded). */
export function substituteWhere(node: MathNode, where: Readonly<Record<string, MathNode>>): MathNode {
  const names = Object.keys(where);
  if (names.length === 0) return node;
  let current = node;
  for (let round = 0; round < MAX_WHERE_ROUNDS; round++) {
    let changed = false;
    current = current.transform((n) => {
      if (n.type === 'SymbolNode' && Object.hasOwn(where, (n as SymbolNode).name)) {
        changed = true;
        return where[(n as SymbolNode).name]!.cloneDeep();
      }
      return n;
    });
    if (!changed) return current;
  }
  throw new GradproofError('GP_INPUT', `where: expected definitions without cycles, got ${names.join(', ')} still defined after ${MAX_WHERE_ROUNDS} rounds`);
}


function domainNotes(a: MathNode, b: MathNode, symbols: string[], assumptions: readonly Assumption[], remainingMs: number): DomainNote[] {
  return findDomainNotes(a, b, symbols, assumptions, new ProofBudget(Math.max(WITNESS_RESERVE_MS, remainingMs)));
}

function kinkNotes(a: MathNode, b: MathNode, symbols: string[], kinks: readonly { variable: string; at: Rational }[]): DomainNote[] {
  const notes: DomainNote[] = [];
  for (const k of kinks) {
    const point: Record<string, string> = {};
    for (const s of symbols) point[s] = s === k.variable ? String(qToNumber(k.at)) : KINK_GENERIC_VALUE;
    const va = valueAt(a, point);
    const vb = valueAt(b, point);
    if (va && vb && !clearlyDiffer(va, vb)) continue;
    if (!va && !vb) continue;
    notes.push({
      point, kind: 'differ-at-kink', side: !va ? 'a' : !vb ? 'b' : 'both',
      detail: `at the kink ${k.variable} = ${qToString(k.at)}: a = ${va?.toString() ?? 'undefined'}, b = ${vb?.toString() ?? 'undefined'} (the identity holds on both sides of it)`,
    });
  }
  return notes;
}
