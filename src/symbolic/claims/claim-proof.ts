/**
 * Turns prover verdicts into claim verdicts, and small node helpers the claim checks share.
 */
import type { MathNode } from 'mathjs';
import { num } from '../node-builders.ts';
import { parseExpression } from '../parse.ts';
import { prove, substituteWhere, type ProveOptions } from '../prove/index.ts';
import type { ClaimStatus, ClaimVerdict } from './claim.ts';

/** Parses trusted claim text. */
export const expr = (text: string): MathNode => parseExpression(text);

/** `node` with parameters fixed: `fix(f, { beta: 0 })`. */
export function fix(node: MathNode, values: Readonly<Record<string, number>>): MathNode {
  return substituteWhere(node, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, num(v)])));
}

/** What the prover says about a = b, in one line. */
export interface ProofLine {
  readonly status: ClaimStatus;
  readonly line: string;
}

/** Proves a = b and describes the verdict in one line (with the witness or the reason). */
export function proofLine(a: MathNode, b: MathNode, options: ProveOptions): ProofLine {
  const r = prove(a, b, options);
  const notes = r.domainNotes.length ? ` (${r.domainNotes.map((n) => n.detail).join('; ')})` : '';
  if (r.status === 'proved') return { status: 'proved', line: `${a} = ${b}: proved (${r.method})${notes}` };
  if (r.status === 'refuted') {
    const w = r.witness;
    return { status: 'refuted', line: `${a} ≠ ${b}: at ${JSON.stringify(w.point)} they are ${short(w.a)} and ${short(w.b)}` };
  }
  return { status: 'undecided', line: `${a} = ${b}: undecided (${r.reason})` };
}

/** A claim verdict straight from the prover. */
export function byProof(a: MathNode, b: MathNode, options: ProveOptions, correctStatement?: string): ClaimVerdict {
  const p = proofLine(a, b, options);
  return p.status === 'refuted' && correctStatement ? { status: p.status, detail: p.line, correctStatement } : { status: p.status, detail: p.line };
}

/** A decimal string shortened to 12 significant digits for details. */
export function short(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : value;
}

/** `proved` only when every step is: otherwise the weakest status among them. */
export function weakest(...statuses: ClaimStatus[]): ClaimStatus {
  for (const s of ['refuted', 'undecided', 'numerical'] as const) if (statuses.includes(s)) return s;
  return 'proved';
}
