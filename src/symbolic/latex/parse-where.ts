/**
 * Auxiliary definitions given beside an answer, as the source document does for the Mish closed
 * form: `\omega = 4(x+1) + 4e^{2x} + e^{3x} + e^x(4x+6)`, `\delta = 2e^x + e^{2x} + 2`, or
 * `\Delta(x) = \operatorname{sech}^2(\operatorname{softplus}(x))`.
 */
import { GradproofError } from '../error.ts';
import type { ExpressionLimits } from '../expression-limits.ts';
import { GREEK_LETTERS } from './latex-vocabulary.ts';
import { detectAnswerFormat, parseAnswer, type AnswerFormat } from './parse-answer.ts';
import type { MathNode } from 'mathjs';

/** One definition `symbol(parameters) = node`. */
export interface WhereDefinition {
  /** The defined name, e.g. `omega`. */
  readonly symbol: string;
  /** Variables it is written as a function of (`\Delta(x)`), possibly none. */
  readonly parameters: readonly string[];
  readonly node: MathNode;
  /** TeX of the parsed right-hand side. */
  readonly readAs: string;
}

/** Options of {@link parseWhereDefinition}. */
export interface WhereParseOptions {
  readonly format?: AnswerFormat;
  readonly limits?: Partial<ExpressionLimits>;
  /** Added to every reported position. Default 0. */
  readonly offset?: number;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
/** `name`, `\name`, `\text{name}`, `\mathrm{name}`, optionally subscripted, then optional `(params)`. */
const LEFT_SIDE = /^\s*(\\?[A-Za-z]+|\\(?:text|mathrm|operatorname)\{[A-Za-z][A-Za-z0-9]*\})(?:_\{?([A-Za-z0-9]+)\}?)?\s*(?:(?:\\left)?\(\s*([^()]*?)\s*(?:\\right)?\))?\s*$/;

/**
 * Parses `SYMBOL = EXPRESSION` (LaTeX or text).
 * @throws GradproofError GP_PARSE naming what is wrong with the left or right side, with position.
 */
export function parseWhereDefinition(text: string, options: WhereParseOptions = {}): WhereDefinition {
  const base = options.offset ?? 0;
  if (typeof text !== 'string') throw new GradproofError('GP_INPUT', `where: expected text, got ${typeof text}`);
  const eq = text.indexOf('=');
  if (eq < 0) {
    throw new GradproofError('GP_PARSE', `where definition: expected 'SYMBOL = EXPRESSION', got no '=' (at position ${base + text.length})`, {
      position: { offset: base + text.length },
    });
  }
  const left = text.slice(0, eq);
  const match = LEFT_SIDE.exec(left);
  const symbol = match ? symbolName(match[1]!, match[2]) : undefined;
  if (!match || symbol === undefined) {
    const at = base + (left.length - left.trimStart().length);
    throw new GradproofError('GP_PARSE', `where definition: expected a symbol before '=' such as \\omega or delta, got '${left.trim().slice(0, 40)}' (at position ${at})`, {
      position: { offset: at },
    });
  }
  const parameters = (match[3] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const badParameter = parameters.find((p) => !IDENTIFIER.test(p));
  if (badParameter !== undefined) {
    throw new GradproofError('GP_PARSE', `where definition: expected variable names in ${symbol}(…), got '${badParameter}' (at position ${base + left.indexOf(badParameter)})`, {
      position: { offset: base + left.indexOf(badParameter) },
    });
  }
  const right = text.slice(eq + 1);
  if (right.includes('=')) {
    const at = base + eq + 1 + right.indexOf('=');
    throw new GradproofError('GP_PARSE', `where definition: expected one '=', got a second one (at position ${at})`, { position: { offset: at } });
  }
  const format = options.format === undefined || options.format === 'auto' ? detectAnswerFormat(text) : options.format;
  const parsed = parseAnswer(right, { format, limits: options.limits, offset: base + eq + 1 });
  return { symbol, parameters, node: parsed.node, readAs: parsed.readAs };
}

/**
 * Several definitions separated by `;` or new lines (a `\;` is LaTeX spacing, not a separator).
 */
export function parseWhereList(text: string, options: WhereParseOptions = {}): WhereDefinition[] {
  const definitions: WhereDefinition[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const end = i === text.length || ((text[i] === ';' || text[i] === '\n') && text[i - 1] !== '\\');
    if (!end) continue;
    const piece = text.slice(start, i);
    if (piece.trim() !== '') definitions.push(parseWhereDefinition(piece, { ...options, offset: (options.offset ?? 0) + start }));
    start = i + 1;
  }
  return definitions;
}

function symbolName(written: string, subscript: string | undefined): string | undefined {
  let name = written;
  const wrapped = /^\\(?:text|mathrm|operatorname)\{(.*)\}$/.exec(written);
  if (wrapped) name = wrapped[1]!;
  else if (written.startsWith('\\')) name = GREEK_LETTERS.get(written.slice(1)) ?? '';
  if (!IDENTIFIER.test(name)) return undefined;
  return subscript === undefined ? name : `${name}_${subscript}`;
}
