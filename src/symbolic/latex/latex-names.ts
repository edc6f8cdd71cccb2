/**
 * Names in the LaTeX grammar: subscripts (`x_1`, `\beta_{2}`, `a_{\text{out}}`) and the braced
 * names of `\operatorname{…}`, `\text{…}`, `\mathrm{…}`.
 *
 * Internal to the LaTeX parser.
 */
import type { LatexParser } from './latex-parser.ts';
import { GREEK_LETTERS, NAME_COMMANDS } from './latex-vocabulary.ts';
import { describeToken as describe, type LatexToken } from './tokenize-latex.ts';

/** Longest name or subscript accepted, in characters. */
const MAX_NAME_LENGTH = 32;

/** The text of a subscript: letters and digits only (`_1`, `_{out}`, `_{\text{in}}`). */
export function subscriptText(p: LatexParser): string {
  const underscore = p.next();
  const t = p.peek();
  if (t.kind === 'digit' || t.kind === 'letter') return p.next().value;
  if (t.kind === 'command' && GREEK_LETTERS.has(t.value.slice(1))) return GREEK_LETTERS.get(p.next().value.slice(1))!;
  if (t.value !== '{') p.fail('GP_PARSE', `subscript: expected a letter, a digit or {…}, got ${describe(t)}`, underscore);
  p.next();
  let text = '';
  while (!p.is('}')) {
    const u = p.next();
    if (u.kind === 'letter' || u.kind === 'digit') text += u.value;
    else if (u.kind === 'command' && GREEK_LETTERS.has(u.value.slice(1))) text += GREEK_LETTERS.get(u.value.slice(1));
    else if (u.kind === 'command' && NAME_COMMANDS.has(u.value.slice(1))) text += nameText(p, u);
    else p.fail('GP_PARSE', `subscript: expected letters and digits, got ${describe(u)}`, u);
    if (text.length > MAX_NAME_LENGTH) p.fail('GP_LIMIT', 'subscript too long: expected at most ${MAX_NAME_LENGTH} characters', u);
  }
  p.next();
  if (text === '') p.fail('GP_PARSE', 'empty subscript: expected letters or digits', underscore);
  return text;
}

/** The raw name inside `\operatorname{…}` / `\text{…}`, letters and digits only. */
export function nameText(p: LatexParser, command: LatexToken): string {
  p.expect('{', `${command.value}`);
  let text = '';
  while (!p.is('}')) {
    const u = p.next();
    if (u.kind === 'end') p.fail('GP_PARSE', `${command.value}{…}: expected '}'`, u);
    if (u.kind !== 'letter' && u.kind !== 'digit' && u.value !== '_' && u.value !== '-') {
      p.fail('GP_PARSE', `${command.value}{…}: expected a name (letters and digits), got ${describe(u)}`, u);
    }
    text += u.value === '-' ? '_' : u.value;
    if (text.length > MAX_NAME_LENGTH) p.fail('GP_LIMIT', 'name too long: expected at most ${MAX_NAME_LENGTH} characters', u);
  }
  p.next();
  if (text === '') p.fail('GP_PARSE', `${command.value}{}: expected a name inside the braces`, command);
  return text;
}
