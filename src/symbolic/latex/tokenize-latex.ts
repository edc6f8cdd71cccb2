/**
 * The LaTeX tokenizer: text in, a flat list of tokens with their offsets out. Spacing and style
 * commands (`\,`, `\quad`, `\displaystyle`) are dropped here; pasted Unicode (σ, ·, −, x²) is
 * rewritten to the token it stands for. Anything else unexpected is refused with its position.
 *
 * Internal to the LaTeX parser.
 */
import { GradproofError } from '../error.ts';
import { IGNORED_COMMANDS, UNICODE_SUPERSCRIPTS, UNICODE_TOKENS } from './latex-vocabulary.ts';

/** Kinds of token. `command` values keep their backslash (`\frac`); `char` is one ASCII symbol. */
export type LatexTokenKind = 'command' | 'letter' | 'digit' | 'char' | 'end';

/** One token and where it starts in the original text. */
export interface LatexToken {
  readonly kind: LatexTokenKind;
  /** `\frac`, `x`, `7`, `+`; empty for `end`. */
  readonly value: string;
  /** 0-based offset of the token's first character in the original text. */
  readonly offset: number;
  /** True when whitespace or a dropped command separates this token from the previous one. */
  readonly spaced: boolean;
}

/** ASCII symbols with a meaning in the grammar (or a clear refusal). */
const SYMBOLS = new Set([...'+-*/^_()[]{}|,.=!\'<>&~;:?@#$%"`']);

/**
 * Splits `text` into tokens. `base` is added to every offset (for text cut out of a larger one).
 * @throws GradproofError GP_PARSE for a lone backslash or an unknown character, with position.
 */
export function tokenizeLatex(text: string, base = 0): LatexToken[] {
  const tokens: LatexToken[] = [];
  let spaced = false;
  const push = (kind: LatexTokenKind, value: string, offset: number) => {
    tokens.push({ kind, value, offset: offset + base, spaced });
    spaced = false;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c) || c === '~') {
      spaced = true;
      i++;
    } else if (c === '\\') {
      const start = i;
      i++;
      if (i >= text.length) {
        throw new GradproofError('GP_PARSE', `lone '\\': expected a command name after it (at position ${start + base})`, {
          position: { offset: start + base },
        });
      }
      let name: string;
      if (/[A-Za-z]/.test(text[i]!)) {
        const begin = i;
        while (i < text.length && /[A-Za-z]/.test(text[i]!)) i++;
        if (text[i] === '*') i++; // \operatorname*
        name = text.slice(begin, i);
      } else {
        name = text[i]!;
        i++;
      }
      if (IGNORED_COMMANDS.has(name)) spaced = true;
      else push('command', `\\${name}`, start);
    } else if (/[A-Za-z]/.test(c)) {
      push('letter', c, i++);
    } else if (/[0-9]/.test(c)) {
      push('digit', c, i++);
    } else if (SYMBOLS.has(c)) {
      push('char', c, i++);
    } else if (UNICODE_TOKENS.has(c)) {
      const value = UNICODE_TOKENS.get(c)!;
      push(value.startsWith('\\') ? 'command' : value === 'e' ? 'letter' : 'char', value, i++);
    } else if (UNICODE_SUPERSCRIPTS.has(c)) {
      push('char', '^', i);
      push('digit', UNICODE_SUPERSCRIPTS.get(c)!, i++);
    } else {
      const shown = JSON.stringify(c);
      throw new GradproofError('GP_PARSE', `unexpected character ${shown}: expected LaTeX math (letters, digits, + - * / ^ _ ( ) { } | and \\commands) (at position ${i + base})`, {
        position: { offset: i + base },
      });
    }
  }
  tokens.push({ kind: 'end', value: '', offset: text.length + base, spaced });
  return tokens;
}

/** How a token is named in messages: `'\\frac'`, `'x'`, or "the end of the formula". */
export function describeToken(t: LatexToken): string {
  if (t.kind === 'end') return 'the end of the formula';
  return `'${t.value}'`;
}
