/**
 * `verify`: derive every catalog function's derivatives, prove them, prove or refute every
 * alternative form the source document gives, and evaluate the document's claims.
 *
 * How a derivative is proved: the deriver uses the registry's rules (σ′ = σ(1 − σ), tanh′ = sech²,
 * …). The same function is also rewritten into exp/log/arithmetic (`expandFunctions`) and
 * differentiated with the rules for exp, log and arithmetic alone; the prover then shows the two
 * results equal by exact rational-function arithmetic. So each registry rule is checked against a
 * much smaller trusted base. Piecewise functions are proved branch by branch.
 */
import type { MathNode } from 'mathjs';
import { evaluateClaims } from '../claims/index.ts';
import { builtinCatalog, type Catalog } from '../catalog/catalog.ts';
import type { AlternativeForm, CatalogEntry } from '../catalog/catalog-entry.ts';
import { entryDerivatives, type EntryDerivative } from '../catalog/entry-derivatives.ts';
import { derive } from '../derive.ts';
import { expandFunctions } from '../expand-functions.ts';
import { prove, type ProofResult } from '../prove/index.ts';
import { toTex } from '../to-tex.ts';
import type { DerivativeReport, FormReport, FunctionReport, ProofSummary, VerifyReport } from './verify-report.ts';
import { VERIFY_SCHEMA_VERSION } from './verify-report.ts';

/** Options of {@link verifyCatalog}. */
export interface VerifyOptions {
  /** The catalog to verify; default the built-in one. */
  readonly catalog?: Catalog;
  /** Only these entries (default: all). Claims are evaluated only when no names are given. */
  readonly names?: readonly string[];
  /** Called after each function, for progress display. */
  readonly onProgress?: (done: number, total: number, name: string) => void;
}

/**
 * Verifies the catalog (or the named entries) and the source document's claims.
 * @throws GradproofError GP_NOT_FOUND for an unknown name.
 */
export function verifyCatalog(options: VerifyOptions = {}): VerifyReport {
  const started = performance.now();
  const catalog = options.catalog ?? builtinCatalog();
  const entries = options.names?.length ? options.names.map((n) => catalog.get(n)) : catalog.entries;
  const functions = entries.map((entry, i) => {
    const report = verifyEntry(entry);
    options.onProgress?.(i + 1, entries.length, entry.name);
    return report;
  });
  const claims = options.names?.length ? [] : evaluateClaims(catalog);
  return { schemaVersion: VERIFY_SCHEMA_VERSION, functions, claims, millis: Math.round(performance.now() - started) };
}

/** True when every derivative of every function in `report` was proved. */
export function allDerivativesProved(report: VerifyReport): boolean {
  return report.functions.every((f) => f.derivatives.every((d) => d.proof.status === 'proved'));
}

function verifyEntry(entry: CatalogEntry): FunctionReport {
  const variables = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
  const derivatives = entryDerivatives(entry);
  return {
    name: entry.name,
    title: entry.title,
    variables: entry.variables.map((v) => v.name),
    parameters: entry.parameters.map((p) => p.name),
    expression: entry.definition.toString(),
    tex: entry.tex || toTex(entry.definition),
    kinks: entry.facts.flatMap((f) => (f.kind === 'kink' ? [{ variable: f.variable, at: f.at }] : [])),
    derivatives: derivatives.map((d) => verifyDerivative(entry, d, variables)),
    forms: [...stableForm(entry), ...entry.forms].map((form) => verifyForm(entry, form, derivatives, variables)),
  };
}

/** The stable form, when the entry has one, is checked like a form of the function. */
function stableForm(entry: CatalogEntry): AlternativeForm[] {
  if (!entry.stable) return [];
  return [{ id: `${entry.name}.stable`, source: 'gradproof (numerically stable form used by the compiler)', target: { kind: 'function' }, expression: entry.stable }];
}

function verifyDerivative(entry: CatalogEntry, d: EntryDerivative, variables: string[]): DerivativeReport {
  const base = {
    wrt: d.wrt,
    order: d.order,
    expression: d.expression.toString(),
    tex: toTex(d.expression),
    steps: d.steps.map((s) => s.rule),
    ...(d.branches
      ? { branches: d.branches.map((b) => ({ relation: b.relation, at: b.at, expression: b.expression.toString(), tex: toTex(b.expression) })) }
      : {}),
  };
  const reference = independentDerivative(entry.definition, d.wrt, d.order);
  const result = prove(d.expression, reference, { variables });
  // Branches are checked only when the main proof holds (a failed one is reported as it is).
  const branchFailure = result.status === 'proved'
    ? d.branches?.map((b) => proveBranch(d.expression, b, variables)).find((r) => r.status !== 'proved')
    : undefined;
  if (branchFailure) {
    return { ...base, proof: proofSummary(branchFailure, 'derivative disagrees with a branch of the piecewise definition') };
  }
  const context = d.branches
    ? 'registry rules checked against exp/log differentiation and against each branch; exact rational-function identity'
    : 'registry rules checked against exp/log differentiation; exact rational-function identity';
  return { ...base, proof: proofSummary(result, context) };
}

/** The derivative restricted to one side of the kink equals the derivative of that branch. */
function proveBranch(expression: MathNode, branch: NonNullable<EntryDerivative['branches']>[number], variables: string[]): ProofResult {
  return prove(expression, branch.expression, { variables, assumptions: [{ variable: branch.variable, relation: branch.relation, value: branch.at }] });
}

/** Differentiates the exp/log form, using only the rules for exp, log and arithmetic. */
function independentDerivative(node: MathNode, wrt: string, order: 1 | 2): MathNode {
  let result = expandFunctions(node);
  for (let i = 0; i < order; i++) result = expandFunctions(derive(result, wrt));
  return result;
}

function verifyForm(entry: CatalogEntry, form: AlternativeForm, derivatives: readonly EntryDerivative[], variables: string[]): FormReport {
  const target = form.target;
  const expected = target.kind === 'function'
    ? entry.definition
    : derivatives.find((d) => d.wrt === target.wrt && d.order === target.order)?.expression ?? derive(entry.definition, target.wrt);
  const targetName = target.kind === 'function' ? entry.title : `${target.order === 2 ? 'd²' : 'd'}/d${target.wrt} ${entry.title}`;
  const result = prove(form.expression, expected, { variables, ...(form.where ? { where: form.where } : {}) });
  const summary = proofSummary(result, '');
  const notes = [form.note, ...result.domainNotes.map((n) => n.detail)].filter((n): n is string => Boolean(n));
  return {
    id: form.id,
    source: form.source,
    expression: form.expression.toString(),
    tex: toTex(form.expression),
    target: targetName,
    status: summary.status,
    ...(summary.method ? { method: summary.method } : {}),
    ...(summary.certificate ? { certificate: summary.certificate, certificateTex: summary.certificateTex! } : {}),
    ...(result.status === 'refuted'
      ? { witness: { point: result.witness.point, form: result.witness.a, expected: result.witness.b, difference: result.witness.difference } }
      : {}),
    ...(notes.length ? { note: [...new Set(notes)].join('; ') } : {}),
  };
}

function proofSummary(result: ProofResult, context: string): ProofSummary {
  if (result.status === 'proved') {
    return {
      status: 'proved',
      method: context ? `${result.method}; ${context}` : result.method,
      certificate: result.certificate.steps.map((s) => s.text),
      certificateTex: result.certificate.steps.map((s) => s.tex),
    };
  }
  if (result.status === 'refuted') {
    const w = result.witness;
    return { status: 'refuted', method: result.method, detail: `differs at ${JSON.stringify(w.point)}: ${w.a} vs ${w.b}` };
  }
  return { status: 'undecided', method: result.method, detail: result.reason };
}
