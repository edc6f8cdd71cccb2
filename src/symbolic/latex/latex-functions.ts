/**
 * Function application in the LaTeX grammar: `\ln x`, `\tanh^2(x)`, `\log_{2} x`,
 * `\operatorname{softplus}(x)`, `\text{Swish}(x)`, `\sigma(x)`, `\max(0, x)`, `\sqrt[3]{x}`,
 * and `where` symbols used as functions (`\Delta(x)`).
 *
 * Internal to the LaTeX parser.
 */
import type { MathNode } from 'mathjs';
import { functionRule } from '../function-rules.ts';
import { call, div, mul, num, pow } from '../node-builders.ts';
import { resolveFunctionName } from '../sanitize-node.ts';
import { delimited, skipSize } from './latex-delimiters.ts';
import type { LatexParser } from './latex-parser.ts';
import { describeToken as describe, type LatexToken } from './tokenize-latex.ts';
import { DELIMITER_SIZES, GREEK_LETTERS, LETTER_FUNCTIONS } from './latex-vocabulary.ts';

/** TeX function commands whose registered name differs from the command. */
const COMMAND_NAMES: ReadonlyMap<string, string> = new Map([['ln', 'log'], ['sgn', 'sign']]);

const KNOWN = 'exp, ln, log, sqrt, tanh, sinh, cosh, sech, sigma, softplus, Swish, Mish, ReLU, abs, max, min, sign';

/** Function calls, bound to one parser. */
export class LatexFunctions {
  constructor(private readonly p: LatexParser) {}

  /** A TeX function command (`\ln`, `\log_2`, `\tanh`, `\max`), already consumed. */
  command(name: string, at: LatexToken): MathNode {
    if (name === 'log' && this.p.is('_')) {
      this.p.next();
      const base = this.p.nested(() => this.p.script());
      const argument = this.apply('log', at);
      return this.p.made(div(argument, this.p.made(call('log', base))));
    }
    if (name === 'lg') return this.p.made(div(this.apply('log', at), this.p.made(call('log', num(10)))));
    const fn = resolveFunctionName(COMMAND_NAMES.get(name) ?? name);
    if (fn === undefined) return this.p.fail('GP_INPUT', `unsupported function \\${name}: expected one of ${KNOWN}`, at);
    return this.apply(fn, at);
  }

  /**
   * The function a single letter names when the token `ahead` of the cursor opens its argument
   * (`H(x)`: Heaviside), unless a `where` defines that letter as a function of its own.
   */
  letterFunction(letter: string, ahead: number): string | undefined {
    const fn = LETTER_FUNCTIONS.get(letter);
    if (fn === undefined || this.p.functionSymbols.has(letter)) return undefined;
    const t = this.p.peek(ahead);
    return t.value === '(' || t.value === '\\left' ? fn : undefined;
  }

  /** The name inside `\operatorname{…}`, `\text{…}`, `\mathrm{…}`: a function, `e`, or a symbol. */
  named(text: string, at: LatexToken): MathNode {
    const fn = resolveFunctionName(text) ?? this.letterFunction(text, 0);
    const t = this.p.peek();
    const followedByArgument = t.value === '(' || t.value === '\\left' || t.value === '^' || t.value === '[' || DELIMITER_SIZES.has(t.value.slice(1));
    if (fn !== undefined && (followedByArgument || this.p.startsFactor(t))) return this.apply(fn, at);
    if (fn === undefined && (t.value === '(' || t.value === '\\left') && !this.p.functionSymbols.has(text) && text.length > 1) {
      return this.p.fail('GP_INPUT', `unknown function '${text}': expected one of ${KNOWN}`, at);
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(text)) return this.p.fail('GP_INPUT', `name '${text}': expected letters, digits and _`, at);
    return this.p.namedSymbol(GREEK_LETTERS.get(text) ?? text, at);
  }

  /** True when the `\sigma` at the cursor is applied to something, so it means the sigmoid. */
  sigmaIsCall(): boolean {
    const after = this.p.peek(1);
    if (after.value === '(' || after.value === '\\left' || DELIMITER_SIZES.has(after.value.slice(1))) return true;
    if (after.value !== '^') return false;
    // \sigma^2(x) or \sigma^{2}(x): a squared sigmoid.
    const k = this.p.peek(2).value === '{' ? 5 : 3;
    return this.p.peek(k).value === '(' || this.p.peek(k).value === '\\left';
  }

  /**
   * Applies registered function `fn` to what follows: an optional power (`\tanh^2`), then
   * parenthesised arguments, or for one-argument functions an unparenthesised product (`\ln 2x`).
   */
  apply(fn: string, at: LatexToken): MathNode {
    const rule = functionRule(fn)!;
    let power: MathNode | undefined;
    if (this.p.is('^')) {
      const caret = this.p.peek();
      power = this.p.exponent();
      if (power.type === 'OperatorNode' && power.toString() === '-1') {
        this.p.fail('GP_INPUT', `inverse function ${fn}^{-1}: expected a registered function (${KNOWN})`, caret);
      }
    }
    const parseArgs = (): MathNode[] => (this.opensArguments() ? this.argumentList() : rule.arity === 1 ? [this.implicitArgument(at)] : []);
    const args = fn === 'exp' ? this.p.raised(parseArgs) : parseArgs();
    if (args.length !== rule.arity) {
      this.p.fail('GP_INPUT', `${fn}: expected ${rule.arity} argument${rule.arity === 1 ? '' : 's'}, got ${args.length}`, at);
    }
    const applied = this.p.made(call(fn, ...args));
    return power === undefined ? applied : this.p.made(pow(applied, power));
  }

  /** A `where` symbol written as a call of its variables: `\Delta(x)` means the symbol Δ. */
  symbolCall(name: string, params: readonly string[]): void {
    const open = this.p.peek();
    const args = this.argumentList();
    const matches = args.length === params.length && args.every((a, i) => a.type === 'SymbolNode' && a.toString() === params[i]);
    if (!matches) {
      this.p.fail('GP_INPUT', `${name}(…): expected ${name}(${params.join(', ')}) as defined in 'where'`, open);
    }
  }

  /** `\sqrt{a}` or `\sqrt[n]{a}` (the command already consumed). */
  sqrt(): MathNode {
    let index: MathNode | undefined;
    if (this.p.is('[')) {
      const open = this.p.next();
      index = delimited(this.p, ']', open);
    }
    const radicand = this.p.nested(() => this.p.script());
    if (index === undefined || (index.type === 'ConstantNode' && index.toString() === '2')) return this.p.made(call('sqrt', radicand));
    return this.p.made(pow(radicand, this.p.made(div(num(1), index))));
  }

  private opensArguments(): boolean {
    const t = this.p.peek();
    return t.value === '(' || t.value === '\\left' || (t.kind === 'command' && DELIMITER_SIZES.has(t.value.slice(1)) && this.p.peek(1).value === '(');
  }

  /** `( a, b, … )`, `\left( … \right)` or `\bigl( … \bigr)`. */
  private argumentList(): MathNode[] {
    skipSize(this.p);
    const left = this.p.is('\\left');
    const open = this.p.next();
    if (left) {
      const d = this.p.next();
      if (d.value !== '(' && d.value !== '[') this.p.fail('GP_PARSE', `arguments: expected \\left( or \\left[, got ${describe(d)}`, d);
    }
    const args: MathNode[] = [];
    this.p.nested(() => {
      args.push(this.p.sum());
      while (this.p.is(',')) {
        this.p.next();
        args.push(this.p.sum());
      }
    });
    skipSize(this.p);
    if (left) {
      this.p.expect('\\right', `unclosed \\left at position ${open.offset}`);
      const d = this.p.next();
      if (d.value !== ')' && d.value !== ']') this.p.fail('GP_PARSE', `arguments: expected \\right) or \\right], got ${describe(d)}`, d);
    } else {
      this.p.expect(')', `unclosed '(' at position ${open.offset}`);
    }
    return args;
  }

  /** `\ln 2x`, `\tanh x`: a product of plain factors (letters, digits, Greek), no parentheses. */
  private implicitArgument(at: LatexToken): MathNode {
    const t = this.p.peek();
    if (t.kind === 'end' || t.value === '+' || t.value === '-' || t.value === ')' || t.value === '}' || t.value === ',') {
      this.p.fail('GP_PARSE', `missing argument: expected an argument after ${describe(at)}, got ${describe(t)}`, t);
    }
    let argument = this.p.power();
    for (;;) {
      const u = this.p.peek();
      const plain = u.kind === 'digit' || u.kind === 'letter' || (u.kind === 'command' && GREEK_LETTERS.has(u.value.slice(1)) && u.value !== '\\sigma');
      if (!plain) return argument;
      argument = this.p.made(mul(argument, this.p.power()));
    }
  }
}
