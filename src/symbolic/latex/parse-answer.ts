/**
 * An answer as a student or instructor types it, in LaTeX or mathjs-style text, detected
 * automatically when not stated, parsed to whitelisted nodes, and echoed back as TeX ("read as")
 * so that any ambiguity in how it was read is visible.
 */
import type { MathNode } from 'mathjs';
import { GradproofError } from '../error.ts';
import type { ExpressionLimits } from '../expression-limits.ts';
import { parseExpression } from '../parse.ts';
import { toTex } from '../to-tex.ts';
import type { FunctionSymbols } from './latex-parser.ts';
import { parseLatex } from './parse-latex.ts';

/** How an answer is written. `auto` picks LaTeX when the text has `\`, braces, `|` or non-ASCII. */
export type AnswerFormat = 'latex' | 'text' | 'auto';

/** Options of {@link parseAnswer}. */
export interface AnswerParseOptions {
  /** Default `auto`. */
  readonly format?: AnswerFormat;
  readonly limits?: Partial<ExpressionLimits>;
  /** Symbols written as calls of variables (`\Delta(x)`), see `LatexParseOptions`. */
  readonly functionSymbols?: FunctionSymbols;
  /** Added to every reported position. Default 0. */
  readonly offset?: number;
}

/** A parsed answer. */
export interface ParsedAnswer {
  readonly node: MathNode;
  /** The format it was read in (never `auto`). */
  readonly format: 'latex' | 'text';
  /** TeX of the parsed form: how gradproof read the answer. */
  readonly readAs: string;
}

/** Characters that only LaTeX (or pasted mathematics) uses. */
const LATEX_MARK = /[\\{}|$]|[^\x00-\x7f]/;

/** The format of `text` when not stated: LaTeX when it contains a LaTeX-only character. */
export function detectAnswerFormat(text: string): 'latex' | 'text' {
  return LATEX_MARK.test(text) ? 'latex' : 'text';
}

/**
 * Parses an answer in LaTeX or mathjs-style text.
 * @throws GradproofError GP_PARSE / GP_INPUT / GP_LIMIT with the position of the problem.
 * @example
 * parseAnswer('\\sigma(x) + x\\sigma(x)(1-\\sigma(x))').readAs
 * parseAnswer('x*sigmoid(x)', { format: 'text' }).node.toString() // "x * sigmoid(x)"
 */
export function parseAnswer(text: string, options: AnswerParseOptions = {}): ParsedAnswer {
  if (typeof text !== 'string') throw new GradproofError('GP_INPUT', `answer: expected text, got ${typeof text}`);
  const requested = options.format ?? 'auto';
  if (!['latex', 'text', 'auto'].includes(requested)) {
    throw new GradproofError('GP_INPUT', `answer format: expected latex, text or auto, got '${String(requested)}'`);
  }
  const format = requested === 'auto' ? detectAnswerFormat(text) : requested;
  const node = format === 'latex'
    ? parseLatex(text, { limits: options.limits, functionSymbols: options.functionSymbols, offset: options.offset })
    : parseText(text, options);
  return { node, format, readAs: toTex(node) };
}

function parseText(text: string, options: AnswerParseOptions): MathNode {
  let source = text;
  // `Delta(x)` for a where-symbol Delta defined as a function of x means the symbol itself.
  for (const [name, params] of options.functionSymbols ?? []) {
    const call = new RegExp(`\\b${name}\\s*\\(\\s*${params.join('\\s*,\\s*')}\\s*\\)`, 'g');
    source = source.replace(call, name);
  }
  try {
    return parseExpression(source, { limits: options.limits });
  } catch (error) {
    const shift = options.offset ?? 0;
    if (shift === 0 || !(error instanceof GradproofError) || error.position?.offset === undefined) throw error;
    const offset = error.position.offset + shift;
    const message = error.message.replace(/\(at position \d+\)$/, `(at position ${offset})`);
    throw new GradproofError(error.code, message, { position: { ...error.position, offset }, cause: error });
  }
}
