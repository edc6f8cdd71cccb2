/**
 * From the text a student wrote (and any `where` definitions beside it) to the expression that is
 * judged: parsed (LaTeX or text), definitions substituted, and every free symbol checked against
 * the question's variables and parameters.
 */
import { SymbolNode, type MathNode } from 'mathjs';
import {
  GradproofError, parseAnswer, parseWhereList, type AnswerFormat, type WhereDefinition,
  freeSymbols,
} from '../symbolic/index.ts';
import type { GradingProblem } from './grading-problem.ts';

/** Rounds of substitution (definitions may use earlier ones); a cycle stops here. */
const MAX_WHERE_ROUNDS = 8;

/** Largest substituted expression, in nodes (definitions used many times can multiply the size). */
const MAX_SUBSTITUTED_NODES = 20_000;

/** An answer ready to be judged. */
export interface PreparedAnswer {
  /** The answer with `where` definitions substituted. */
  readonly node: MathNode;
  /** TeX of the answer as read (before substitution, so ω stays ω). */
  readonly readAs: string;
  readonly format: 'latex' | 'text';
  readonly where: readonly WhereDefinition[];
}

/**
 * Parses `answer` and `where` (definitions separated by `;` or new lines; an array of such texts).
 * @throws GradproofError GP_PARSE / GP_INPUT / GP_LIMIT with positions; GP_INPUT for symbols the question does not define.
 */
export function prepareAnswer(problem: GradingProblem, answer: string, where: string | readonly string[] = [], format: AnswerFormat = 'auto'): PreparedAnswer {
  const definitions = (typeof where === 'string' ? [where] : where).flatMap((text) => parseWhereList(text, { format }));
  const functionSymbols = new Map(definitions.filter((d) => d.parameters.length > 0).map((d) => [d.symbol, d.parameters]));
  const parsed = parseAnswer(answer, { format, functionSymbols });
  const known = new Set(problem.symbols.map((s) => s.name));
  for (const d of definitions) {
    if (known.has(d.symbol)) throw new GradproofError('GP_INPUT', `where: '${d.symbol}' is a variable of the question: expected a new name`);
  }
  const node = renameSubscripts(substitute(parsed.node, definitions), known);
  const unknown = freeSymbols(node).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const name = unknown[0]!;
    const offset = answer.indexOf(name);
    const where = offset >= 0 ? ` (at position ${offset})` : '';
    const expected = [...known].join(', ') || 'none';
    throw new GradproofError('GP_INPUT', `unknown symbol '${name}': expected only the question's variables and parameters (${expected}) or symbols defined in 'where'${where}`, {
      position: offset >= 0 ? { offset } : undefined,
    });
  }
  return { node, readAs: parsed.readAs, format: parsed.format, where: definitions };
}

function substitute(node: MathNode, definitions: readonly WhereDefinition[]): MathNode {
  if (definitions.length === 0) return node;
  const byName = new Map(definitions.map((d) => [d.symbol, d.node]));
  let current = node;
  for (let round = 0; round < MAX_WHERE_ROUNDS; round++) {
    let changed = false;
    current = current.transform((n) => {
      if (n.type !== 'SymbolNode') return n;
      const replacement = byName.get((n as unknown as { name: string }).name);
      if (!replacement) return n;
      changed = true;
      return replacement;
    });
    if (!changed) return current;
    let size = 0;
    current.traverse(() => {
      size++;
    });
    if (size > MAX_SUBSTITUTED_NODES) throw new GradproofError('GP_LIMIT', `where: substituted answer too large: expected at most ${MAX_SUBSTITUTED_NODES} nodes`);
  }
  const cyclic = freeSymbols(current).find((n) => byName.has(n));
  if (cyclic !== undefined) throw new GradproofError('GP_INPUT', `where: '${cyclic}' is defined in terms of itself: expected definitions without cycles`);
  return current;
}


/** `y_1` (as TeX writes y₁) means the question's `y1` when only that one exists; and the other way round. */
function renameSubscripts(node: MathNode, known: ReadonlySet<string>): MathNode {
  const renames = new Map<string, string>();
  for (const name of freeSymbols(node)) {
    if (known.has(name)) continue;
    const joined = name.replace('_', '');
    const split = name.replace(/^([A-Za-z]+)(\d+)$/, '$1_$2');
    const target = known.has(joined) ? joined : known.has(split) ? split : undefined;
    if (target !== undefined) renames.set(name, target);
  }
  if (renames.size === 0) return node;
  return node.transform((n) => {
    if (n.type !== 'SymbolNode') return n;
    const to = renames.get((n as unknown as { name: string }).name);
    return to === undefined ? n : new SymbolNode(to);
  });
}
