/**
 * A VerifyReport built from the catalog with `derive` and `toTex` only (no prover), for the
 * site's tests: the same shape as `verifyCatalog()`'s, with a spread of statuses so every kind
 * of badge, certificate and witness gets rendered. Not a verification: statuses are made up.
 */
import type { MathNode } from 'mathjs';
import {
  builtinCatalog, derive, toTex, type CatalogEntry, type DerivationStep, type DerivativeReport, type FormReport,
  type FunctionReport, type VerifyReport,
} from '../../src/symbolic/index.ts';

function derivatives(entry: CatalogEntry): DerivativeReport[] {
  const out: DerivativeReport[] = [];
  for (const wrt of [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)].slice(0, 2)) {
    let node: MathNode = entry.definition;
    for (const order of [1, 2] as const) {
      const steps: DerivationStep[] = [];
      node = derive(node, wrt, { steps });
      out.push({
        wrt, order, expression: node.toString(), tex: toTex(node), steps: steps.slice(0, 6).map((s) => s.rule),
        branches: entry.branches?.map((b) => {
          const e = derive(b.expression, wrt);
          return { relation: b.relation, at: b.at, expression: e.toString(), tex: toTex(e) };
        }),
        proof: { status: 'proved', method: 'exp-rational normal form', certificate: [`d/d${wrt} checked`, 'numerator of a − b = 0'], certificateTex: [`\\text{d/d${wrt} checked}`, 'N \\equiv 0'] },
      });
    }
  }
  return out;
}

function forms(entry: CatalogEntry): FormReport[] {
  return entry.forms.map((f, i) => {
    const refuted = i === 1;
    return {
      id: f.id, source: f.source, expression: f.expression.toString(), tex: toTex(f.expression),
      target: f.target.kind === 'function' ? entry.title : `d/d${f.target.wrt} ${entry.title}`,
      status: refuted ? 'refuted' : 'proved',
      method: refuted ? undefined : 'exp-rational normal form',
      certificate: refuted ? undefined : ['t = e^x', 'numerator: 0'],
      witness: refuted ? { point: { x: '1.5' }, form: '0.123', expected: '0.456', difference: '-0.333' } : undefined,
      note: f.note,
    };
  });
}

/** The fixture report for the whole built-in catalog. */
export function fixtureReport(): VerifyReport {
  const functions: FunctionReport[] = builtinCatalog().entries.map((entry) => ({
    name: entry.name, title: entry.title, variables: entry.variables.map((v) => v.name), parameters: entry.parameters.map((p) => p.name),
    expression: entry.definition.toString(), tex: entry.tex,
    kinks: entry.facts.flatMap((f) => (f.kind === 'kink' ? [{ variable: f.variable, at: f.at }] : [])),
    derivatives: derivatives(entry), forms: forms(entry),
  }));
  return {
    schemaVersion: 1, functions, millis: 1234,
    claims: [
      { id: 'q2.bce-half', statement: 'BCE(0.5, y) = ln 2 ≈ 0.693 for y ∈ {0, 1}', status: 'proved', detail: 'exact: −ln(1/2) = ln 2' },
      {
        id: 'q1.swish-beta.beta0', statement: 'β = 0 ⇒ x·σ(βx) = x (linear)', status: 'refuted', detail: 'x·σ(0) = x/2',
        correctStatement: 'β = 0 gives x/2 for x·σ(βx); the 2x·σ(βx) form gives x',
      },
      { id: 'q1.mish-min', statement: 'Mish min ≈ −0.3088434 at x ≈ −1.1924312', status: 'numerical', detail: 'root of Mish′ to 50 digits' },
      { id: 'q1.preconditioner', statement: 'Δ acts as a preconditioner <b>', status: 'undecided', detail: 'an argument, not an identity' },
    ],
  };
}
