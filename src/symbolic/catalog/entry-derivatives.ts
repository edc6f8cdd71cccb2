/**
 * The derivatives of a catalog entry: first and second, with respect to every variable and
 * parameter, with the rules applied and, for piecewise functions, the derivative of each branch.
 */
import type { MathNode } from 'mathjs';
import { derive, type DerivationStep } from '../derive.ts';
import type { CatalogEntry } from './catalog-entry.ts';

/** One derivative of an entry. */
export interface EntryDerivative {
  readonly wrt: string;
  readonly order: 1 | 2;
  readonly expression: MathNode;
  readonly steps: readonly DerivationStep[];
  /** For piecewise entries: the derivative of each branch (valid on that side of the kink). */
  readonly branches?: readonly { readonly variable: string; readonly relation: '<' | '>'; readonly at: number; readonly expression: MathNode }[];
}

/** Names of everything an entry can be differentiated by: variables, then parameters. */
export function differentiableSymbols(entry: CatalogEntry): string[] {
  return [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
}

/**
 * First and second derivatives of `entry` by each variable and parameter (or only `wrt`).
 * @example entryDerivatives(builtinCatalog().get('swish'), { wrt: ['x'], orders: [1] })
 */
export function entryDerivatives(entry: CatalogEntry, options: { wrt?: readonly string[]; orders?: readonly (1 | 2)[] } = {}): EntryDerivative[] {
  const symbols = options.wrt ?? differentiableSymbols(entry);
  const orders = options.orders ?? [1, 2];
  const result: EntryDerivative[] = [];
  for (const wrt of symbols) {
    let previous: MathNode = entry.definition;
    let previousBranches = entry.branches?.map((b) => ({ variable: b.variable, relation: b.relation, at: b.at, expression: b.expression }));
    for (const order of [1, 2] as const) {
      const steps: DerivationStep[] = [];
      const expression = derive(previous, wrt, { steps });
      const branches = previousBranches?.map((b) => ({ ...b, expression: derive(b.expression, wrt) }));
      if (orders.includes(order)) result.push({ wrt, order, expression, steps, ...(branches ? { branches } : {}) });
      previous = expression;
      previousBranches = branches;
    }
  }
  return result;
}
