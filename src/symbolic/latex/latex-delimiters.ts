/**
 * Delimiters in the LaTeX grammar: `( )`, `[ ]`, `| |` (absolute value), `\left … \right` with
 * any of ( [ \{ | \lvert, and size prefixes such as `\bigl(`.
 *
 * Internal to the LaTeX parser.
 */
import type { MathNode } from 'mathjs';
import { call } from '../node-builders.ts';
import type { LatexParser } from './latex-parser.ts';
import { BAR_DELIMITERS, DELIMITER_SIZES, OPENING_DELIMITERS } from './latex-vocabulary.ts';
import { describeToken as describe, type LatexToken } from './tokenize-latex.ts';

/** `( … )` or `[ … ]`, already past the opener. */
export function delimited(p: LatexParser, closer: string, open: LatexToken): MathNode {
  const saved = p.barDepth;
  p.barDepth = 0;
  const content = p.sum();
  p.barDepth = saved;
  skipSize(p);
  if (!p.is(closer)) p.fail('GP_PARSE', `unclosed '${open.value}' at position ${open.offset}: expected '${closer}', got ${describe(p.peek())}`);
  p.next();
  return content;
}

/** `| … |`: absolute value. */
export function bars(p: LatexParser, open: LatexToken): MathNode {
  p.next();
  p.barDepth++;
  const content = p.sum();
  p.barDepth--;
  if (!p.is('|')) p.fail('GP_PARSE', `unclosed '|' at position ${open.offset}: expected '|', got ${describe(p.peek())}`);
  p.next();
  return p.made(call('abs', content));
}

/** Drops a `\bigr`-style size prefix. */
export function skipSize(p: LatexParser): void {
  while (p.peek().kind === 'command' && DELIMITER_SIZES.has(p.peek().value.slice(1))) p.next();
}

/** `\left( … \right)`, `\left| … \right|`, `\left\{ … \right\}` (already at `\left`). */
export function leftRight(p: LatexParser): MathNode {
  const left = p.next();
  const d = p.next();
  if (d.value === '.') p.fail('GP_INPUT', '\\left. (an evaluation bar): expected a delimiter such as ( [ | \\{', d);
  const bar = BAR_DELIMITERS.has(d.value);
  if (!bar && !OPENING_DELIMITERS.has(d.value)) p.fail('GP_PARSE', `\\left: expected a delimiter such as ( [ | \\{, got ${describe(d)}`, d);
  const saved = p.barDepth;
  p.barDepth = 0;
  const content = p.sum();
  p.barDepth = saved;
  if (!p.is('\\right')) p.fail('GP_PARSE', `unclosed \\left at position ${left.offset}: expected \\right, got ${describe(p.peek())}`);
  p.next();
  const closer = p.next();
  if (closer.kind === 'end' || closer.value === '.') p.fail('GP_PARSE', '\\right: expected a closing delimiter such as ) ] | \\}', closer);
  return bar ? p.made(call('abs', content)) : content;
}
