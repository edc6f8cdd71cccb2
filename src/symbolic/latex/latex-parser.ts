/**
 * The LaTeX grammar, by recursive descent over {@link tokenizeLatex}'s tokens, building mathjs
 * nodes directly (never strings). Limits (depth, node count, exponent towers, exponent size) are
 * checked while parsing, so every refusal carries the position of the offending token.
 *
 * ```
 * sum      := product (('+' | '-') product)*
 * product  := signed (('\cdot' | '\times' | '*' | '/' | '\div' | <implicit>) signed)*
 * signed   := ('-' | '+') signed | power
 * power    := primary ('^' script)?
 * primary  := number | letter [_sub] | \greek [_sub] | group | |sum| | \frac a b | \sqrt[n] a
 *           | function-call | \operatorname{name} ...
 * ```
 * Internal to the LaTeX parser; the public entry point is `parseLatex`.
 */
import { ConstantNode, type MathNode, type OperatorNode } from 'mathjs';
import type { ExpressionLimits } from '../expression-limits.ts';
import { add, call, div, mul, neg, pow, sub, sym } from '../node-builders.ts';
import { resolveFunctionName } from '../sanitize-node.ts';
import { parseCommand } from './latex-commands.ts';
import { LatexCursor } from './latex-cursor.ts';
import { bars, delimited } from './latex-delimiters.ts';
import { LatexFunctions } from './latex-functions.ts';
import { subscriptText } from './latex-names.ts';
import { describeToken as describe, type LatexToken } from './tokenize-latex.ts';
import { DELIMITER_SIZES, TIMES_COMMANDS } from './latex-vocabulary.ts';

/** Symbols that stand for functions of the variables (`\Delta(x)` defined in a `where`). */
export type FunctionSymbols = ReadonlyMap<string, readonly string[]>;

/** The grammar over one token list (token access and limits: {@link LatexCursor}). */
export class LatexParser extends LatexCursor {
  /** Open `|…|` groups: inside one, a `|` closes instead of starting a factor. */
  barDepth = 0;
  /** Function application, bound to this parser. */
  readonly functions: LatexFunctions;

  constructor(
    tokens: readonly LatexToken[],
    limits: ExpressionLimits,
    readonly functionSymbols: FunctionSymbols = new Map(),
  ) {
    super(tokens, limits);
    this.functions = new LatexFunctions(this);
  }

  /** Parses the whole token list as one expression. */
  parseAll(): MathNode {
    if (this.peek().kind === 'end') this.fail('GP_PARSE', 'empty formula: expected an expression');
    const node = this.sum();
    const t = this.peek();
    if (t.kind !== 'end') {
      if (t.value === '=') this.fail('GP_INPUT', "an equation ('='): expected only an expression (give the right-hand side alone, or a `where` definition)");
      this.fail('GP_PARSE', `unexpected ${describe(t)}: expected an operator or the end of the formula`);
    }
    return node;
  }

  // ---- grammar ------------------------------------------------------------------------------

  sum(): MathNode {
    return this.nested(() => {
      let left = this.product();
      while (this.is('+') || this.is('-')) {
        const op = this.next().value;
        const right = this.product();
        left = this.made(op === '+' ? add(left, right) : sub(left, right));
      }
      return left;
    });
  }

  product(): MathNode {
    let left = this.signed();
    for (;;) {
      const t = this.peek();
      if (t.value === '*' || (t.kind === 'command' && TIMES_COMMANDS.has(t.value.slice(1)))) {
        this.next();
        left = this.made(mul(left, this.signed()));
      } else if (t.value === '/' || t.value === '\\div') {
        this.next();
        left = this.made(div(left, this.signed()));
      } else if (this.startsFactor(t)) {
        left = this.made(mul(left, this.power()));
      } else {
        return left;
      }
    }
  }

  signed(): MathNode {
    if (this.is('-') || this.is('+')) {
      const op = this.next().value;
      return this.nested(() => {
        const operand = this.signed();
        return op === '-' ? this.made(neg(operand)) : operand;
      });
    }
    return this.power();
  }

  power(): MathNode {
    const base = this.primary();
    return this.superscriptOf(base);
  }

  /** Applies `^script` if present (one only: `a^b^c` is a TeX error, refused here too). */
  superscriptOf(base: MathNode): MathNode {
    if (!this.is('^')) {
      this.refusePostfix();
      return base;
    }
    const exponent = this.exponent();
    if (this.is('^')) this.fail('GP_PARSE', 'double superscript: expected braces, as in a^{b^{c}}');
    this.refusePostfix();
    if (base.type === 'SymbolNode' && (base as unknown as { name: string }).name === 'e') return this.made(call('exp', exponent));
    return this.made(pow(base, exponent));
  }

  /** `^script` (at the caret): the exponent, one level up the tower, refused when too large. */
  exponent(): MathNode {
    const caret = this.next();
    const exponent = this.raised(() => this.script());
    const negated = exponent.type === 'OperatorNode' && (exponent as OperatorNode).fn === 'unaryMinus' ? (exponent as OperatorNode).args[0] as MathNode : undefined;
    const constant = negated ?? exponent;
    const value = constant.type === 'ConstantNode' ? ((constant as ConstantNode).value as number) : 0;
    if (Math.abs(value) > this.limits.maxExponent) {
      this.fail('GP_LIMIT', `exponent ${exponent.toString()}: expected at most ${this.limits.maxExponent} in absolute value`, caret);
    }
    return exponent;
  }

  private refusePostfix(): void {
    if (this.is('!')) this.fail('GP_INPUT', 'factorial (!): expected an expression without factorials');
    if (this.is("'") || this.is('\\prime')) this.fail('GP_INPUT', "a prime ('): expected the derivative's expression itself, not f'");
  }

  /**
   * A macro argument or unbraced superscript: a braced group, one digit, one letter, or one
   * command with its own arguments. `e^-x` is read as e^{-x}, as students mean it.
   */
  script(): MathNode {
    const t = this.peek();
    if (t.value === '{' && t.kind === 'char') return this.braced();
    if (t.value === '-' || t.value === '+') {
      this.next();
      const operand = this.script();
      return t.value === '-' ? this.made(neg(operand)) : operand;
    }
    if (t.kind === 'digit') return this.made(new ConstantNode(Number(this.next().value)));
    if (t.kind === 'letter') return this.letter(false);
    if (t.kind === 'command') return this.primary();
    return this.fail('GP_PARSE', `missing argument: expected {…}, a digit, a letter or a command, got ${describe(t)}`);
  }

  braced(): MathNode {
    const open = this.expect('{', 'group');
    if (this.is('}')) this.fail('GP_PARSE', 'empty group {}: expected an expression inside the braces', open);
    const content = this.sum();
    if (!this.is('}')) this.fail('GP_PARSE', `unclosed '{' at position ${open.offset}: expected '}', got ${describe(this.peek())}`);
    this.next();
    return content;
  }

  /** True when `t` can begin a factor, so that juxtaposition means multiplication. */
  startsFactor(t: LatexToken): boolean {
    switch (t.kind) {
      case 'digit':
      case 'letter':
        return true;
      case 'char':
        return t.value === '(' || t.value === '[' || t.value === '{' || t.value === '.' || (t.value === '|' && this.barDepth === 0);
      case 'command': {
        const name = t.value.slice(1);
        if (TIMES_COMMANDS.has(name) || name === 'div' || name === 'right' || DELIMITER_SIZES.has(name) && this.closesGroup()) return false;
        return !['\\}', '\\rbrace', '\\rparen', '\\rbrack', '\\rvert'].includes(t.value);
      }
      default:
        return false;
    }
  }

  /** True when the size command at the cursor sizes a closing delimiter (`\bigr)`). */
  private closesGroup(): boolean {
    const d = this.peek(1).value;
    return [')', ']', '\\}', '\\rbrace', '|', '\\rvert', '\\vert'].includes(d) || /r$/.test(this.peek().value);
  }

  primary(): MathNode {
    const t = this.peek();
    if (t.kind === 'digit' || (t.value === '.' && this.peek(1).kind === 'digit')) return this.number();
    if (t.kind === 'letter') return this.letter(true);
    if (t.kind === 'char') {
      if (t.value === '(' || t.value === '[') return delimited(this, this.next().value === '(' ? ')' : ']', t);
      if (t.value === '{') return this.braced();
      if (t.value === '|') return bars(this, t);
      return this.fail('GP_PARSE', `unexpected ${describe(t)}: expected a number, a variable, a function or '('`);
    }
    if (t.kind === 'command') return parseCommand(this, t);
    return this.fail('GP_PARSE', 'unexpected end of formula: expected an operand');
  }

  private number(): MathNode {
    const start = this.peek();
    let text = '';
    while (this.peek().kind === 'digit' && (text === '' || !this.peek().spaced)) text += this.next().value;
    if (this.is('.') && this.peek(1).kind === 'digit' && !this.peek(1).spaced) {
      text += this.next().value;
      while (this.peek().kind === 'digit' && !this.peek().spaced) text += this.next().value;
    }
    const value = Number(text.startsWith('.') ? `0${text}` : text);
    if (!Number.isFinite(value)) this.fail('GP_LIMIT', `number ${text.slice(0, 20)}…: expected a finite number`, start);
    return this.made(new ConstantNode(value));
  }

  /** A letter, a subscripted name, or a run of letters that spells a function (`ln`, `sech`). */
  private letter(allowRun: boolean): MathNode {
    const first = this.peek();
    if (allowRun) {
      let run = '';
      let k = 0;
      while (this.peek(k).kind === 'letter' && (k === 0 || !this.peek(k).spaced)) run += this.peek(k++).value;
      const after = this.peek(k);
      const fn = run.length > 1 ? resolveFunctionName(run) : undefined;
      if (fn !== undefined && (after.value === '(' || after.value === '^' || after.value === '\\left')) {
        for (let j = 0; j < k; j++) this.next();
        return this.functions.apply(fn, first);
      }
      const letterFn = this.functions.letterFunction(first.value, 1);
      if (letterFn !== undefined) return (this.next(), this.functions.apply(letterFn, first));
    }
    this.next();
    return this.namedSymbol(first.value, first);
  }

  /** A symbol with an optional subscript (`x_1`, `\beta_{2}`), or a `where` symbol called on its variables. */
  namedSymbol(name: string, at: LatexToken): MathNode {
    let full = name;
    if (this.is('_')) full = `${name}_${subscriptText(this)}`;
    const params = this.functionSymbols.get(full);
    if (params && (this.is('(') || this.is('\\left'))) this.functions.symbolCall(full, params);
    else if (full.length > 32) this.fail('GP_LIMIT', 'name too long: expected at most 32 characters', at);
    return this.made(sym(full));
  }
}
