/**
 * The safe parser for mathjs-style text: untrusted text in, whitelisted mathjs nodes out.
 *
 * Only numbers, symbols, + − · / ^ and calls of registered functions survive; everything else
 * (assignments, function definitions, accessors, matrices, strings, `import`, `evaluate`) is
 * refused with its position. Limits on length, depth, size and exponent towers are checked
 * before and after mathjs's own parser runs. mathjs's trap `x(4x+6)` (a call of `x`) is read as
 * a product when `x` is not a registered function.
 */
import { parse as mathParse, type MathNode } from 'mathjs';
import { GradproofError } from './error.ts';
import { resolveLimits, type ExpressionLimits } from './expression-limits.ts';
import { sanitizeNode } from './sanitize-node.ts';

/** Options of {@link parseExpression}. */
export interface ParseOptions {
  /** Limits on the text and the tree; see {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<ExpressionLimits>;
}

/** Characters that can appear in an expression; anything else is refused with its position. */
const ALLOWED_CHARACTER = /[A-Za-z0-9_.\s+\-*/^(),]/;

/**
 * Parses mathjs-style text into a whitelisted mathjs node.
 *
 * @throws GradproofError GP_PARSE (syntax, with position), GP_INPUT (forbidden construct or
 *   unknown function, with position), GP_LIMIT (too long, too deep, too large).
 * @example
 * parseExpression('x*sigmoid(x)')          // x · σ(x)
 * parseExpression('x(4x+6)').toString()    // "x * (4 x + 6)"
 */
export function parseExpression(text: string, options: ParseOptions = {}): MathNode {
  const limits = resolveLimits(options.limits);
  if (typeof text !== 'string') throw new GradproofError('GP_INPUT', `expression: expected text, got ${typeof text}`);
  if (text.length > limits.maxLength) {
    throw new GradproofError('GP_LIMIT', `expression too long: expected at most ${limits.maxLength} characters, got ${text.length} (at position ${limits.maxLength})`, {
      position: { offset: limits.maxLength },
    });
  }
  if (text.trim() === '') throw new GradproofError('GP_PARSE', 'empty expression: expected a formula (at position 0)', { position: { offset: 0 } });
  checkCharactersAndDepth(text, limits);
  let node: MathNode;
  try {
    node = mathParse(text);
  } catch (error) {
    throw syntaxError(text, error);
  }
  return sanitizeNode(node, limits, text);
}

function checkCharactersAndDepth(text: string, limits: ExpressionLimits): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!ALLOWED_CHARACTER.test(c)) {
      throw new GradproofError('GP_INPUT', `unexpected character '${c}': expected numbers, names, + - * / ^ ( ) , (at position ${i})`, {
        position: { offset: i },
      });
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth > limits.maxDepth) {
      throw new GradproofError('GP_LIMIT', `expression nested too deeply: expected at most ${limits.maxDepth} levels (at position ${i})`, {
        position: { offset: i },
      });
    }
    if (depth < 0) throw new GradproofError('GP_PARSE', `unmatched ')': expected an opening '(' before it (at position ${i})`, { position: { offset: i } });
  }
  if (depth > 0) throw new GradproofError('GP_PARSE', `missing ')': ${depth} parenthesis left open (at position ${text.length})`, { position: { offset: text.length } });
}

function syntaxError(text: string, error: unknown): GradproofError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\(char (\d+)\)/.exec(message);
  const offset = match ? Math.max(0, Number(match[1]) - 1) : text.length;
  const what = message.replace(/\s*\(char \d+\)/, '');
  return new GradproofError('GP_PARSE', `${what} (at position ${offset})`, { position: { offset }, cause: error });
}
