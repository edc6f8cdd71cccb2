/**
 * The LaTeX front door: untrusted TeX in, whitelisted mathjs nodes out.
 *
 * A small grammar of gradproof's own (see `latex-parser.ts`) that accepts what KaTeX renders and
 * what students write: `\frac`, `\dfrac`, `\cdot`, `\times`, `\left( \right)`, implicit
 * multiplication, `e^{x}`, `\exp`, `\ln`, `\log`, `\sigma(x)`, `\tanh`, `\operatorname{sech}`,
 * `\text{Swish}(x)`, `\sqrt`, `|x|`, `\max(0,x)`, Greek letters, subscripts, `\,`. The result
 * passes through {@link sanitizeNode}, the same gate as every other parser's output.
 */
import type { MathNode } from 'mathjs';
import { GradproofError } from '../error.ts';
import { resolveLimits, type ExpressionLimits } from '../expression-limits.ts';
import { sanitizeNode } from '../sanitize-node.ts';
import { LatexParser, type FunctionSymbols } from './latex-parser.ts';
import { tokenizeLatex } from './tokenize-latex.ts';

/** Options of {@link parseLatex}. */
export interface LatexParseOptions {
  /** Limits on the text and the tree; see {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<ExpressionLimits>;
  /**
   * Symbols defined elsewhere as functions of variables (`\Delta(x) = …` in a `where`), so that
   * `\Delta(x)` in the answer reads as the symbol Δ rather than Δ·x. Default: none.
   */
  readonly functionSymbols?: FunctionSymbols;
  /** Added to every reported position (for TeX cut out of a longer text). Default 0. */
  readonly offset?: number;
}

/**
 * Parses LaTeX math into a whitelisted mathjs node.
 *
 * @throws GradproofError GP_PARSE (syntax), GP_INPUT (unsupported construct or function),
 *   GP_LIMIT (too long, deep, large, or an exponent tower too high); each message ends with
 *   "(at position N)".
 * @example
 * parseLatex('\\frac{x}{1+e^{-x}}').toString()      // "x / (1 + exp(-x))"
 * parseLatex('x\\,\\sigma(x)').toString()           // "x * sigmoid(x)"
 */
export function parseLatex(tex: string, options: LatexParseOptions = {}): MathNode {
  const limits = resolveLimits(options.limits);
  const offset = options.offset ?? 0;
  if (typeof tex !== 'string') throw new GradproofError('GP_INPUT', `LaTeX: expected text, got ${typeof tex}`);
  if (tex.length > limits.maxLength) {
    throw new GradproofError('GP_LIMIT', `formula too long: expected at most ${limits.maxLength} characters, got ${tex.length} (at position ${offset + limits.maxLength})`, {
      position: { offset: offset + limits.maxLength },
    });
  }
  const inner = stripMathDelimiters(tex);
  const tokens = tokenizeLatex(inner.text, offset + inner.shift);
  const node = new LatexParser(tokens, limits, options.functionSymbols).parseAll();
  return sanitizeNode(node, limits, tex);
}

/** Math-mode delimiters students paste around a formula: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`. */
const MATH_DELIMITERS: readonly (readonly [string, string])[] = [['$$', '$$'], ['$', '$'], ['\\(', '\\)'], ['\\[', '\\]']];

/** `tex` without one pair of surrounding math delimiters, and how far the text moved. */
function stripMathDelimiters(tex: string): { text: string; shift: number } {
  const start = tex.length - tex.trimStart().length;
  const trimmed = tex.trim();
  for (const [open, close] of MATH_DELIMITERS) {
    if (trimmed.length >= open.length + close.length && trimmed.startsWith(open) && trimmed.endsWith(close)) {
      const shift = start + open.length;
      return { text: tex.slice(shift, start + trimmed.length - close.length), shift };
    }
  }
  return { text: tex, shift: 0 };
}
