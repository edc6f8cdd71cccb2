/**
 * Commands in the LaTeX grammar (`\frac`, `\sqrt`, `\left`, Greek letters, function
 * commands, `\operatorname{…}`), and clear refusals of the ones gradproof does not accept.
 *
 * Internal to the LaTeX parser.
 */
import type { MathNode, OperatorNode } from 'mathjs';
import { div, sym } from '../node-builders.ts';
import { bars, delimited, leftRight } from './latex-delimiters.ts';
import type { LatexParser } from './latex-parser.ts';
import { nameText } from './latex-names.ts';
import { describeToken as describe, type LatexToken } from './tokenize-latex.ts';
import {
  DELIMITER_SIZES, FRACTION_COMMANDS, FUNCTION_COMMANDS, GREEK_LETTERS, NAME_COMMANDS, OPENING_DELIMITERS, REFUSED_COMMANDS, TIMES_COMMANDS,
} from './latex-vocabulary.ts';

/** A command at the cursor (`t`), with its arguments. */
export function parseCommand(p: LatexParser, t: LatexToken): MathNode {
  const name = t.value.slice(1);
  if (name === 'left') return leftRight(p);
  if (DELIMITER_SIZES.has(name)) {
    p.next();
    const d = p.peek();
    if (d.value === '(' || d.value === '[') return delimited(p, p.next().value === '(' ? ')' : ']', d);
    if (d.value === '|' || d.value === '\\vert' || d.value === '\\lvert') return bars(p, d);
    if (d.value === '\\{' || d.value === '\\lbrace') return (p.next(), delimited(p, d.value === '\\{' ? '\\}' : '\\rbrace', d));
    return p.fail('GP_PARSE', `${t.value}: expected a delimiter after it, got ${describe(d)}`, d);
  }
  if (OPENING_DELIMITERS.has(t.value)) return (p.next(), delimited(p, OPENING_DELIMITERS.get(t.value)!, t));
  if (FRACTION_COMMANDS.has(name)) {
    p.next();
    const numerator = p.nested(() => p.script());
    const denominator = p.nested(() => p.script());
    if (isDifferentialOperator(numerator, denominator)) {
      p.fail('GP_INPUT', 'derivative notation (\\frac{d}{dx}): expected the derivative itself, not the operator', t);
    }
    return p.made(div(numerator, denominator));
  }
  if (name === 'sqrt') return (p.next(), p.functions.sqrt());
  if (name === 'pi') return (p.next(), p.made(sym('pi')));
  if (name === 'sigma' && p.functions.sigmaIsCall()) return (p.next(), p.functions.apply('sigmoid', t));
  if (GREEK_LETTERS.has(name)) return (p.next(), p.namedSymbol(GREEK_LETTERS.get(name)!, t));
  if (FUNCTION_COMMANDS.has(name)) return (p.next(), p.functions.command(name, t));
  if (NAME_COMMANDS.has(name)) return (p.next(), p.functions.named(nameText(p, t), t));
  if (name === 'exponentialE') return (p.next(), p.made(sym('e')));
  const refused = REFUSED_COMMANDS.get(name);
  if (refused) return p.fail('GP_INPUT', `${t.value}: ${refused}`, t);
  if (TIMES_COMMANDS.has(name) || name === 'div') return p.fail('GP_PARSE', `${t.value} has nothing on its left: expected an operand before it`, t);
  if (name === 'right') return p.fail('GP_PARSE', '\\right without \\left: expected a matching \\left before it', t);
  return p.fail('GP_INPUT', `unsupported command ${t.value}: expected \\frac, \\sqrt, \\cdot, \\ln, \\exp, \\tanh, \\sigma, \\operatorname{…}, a Greek letter, …`, t);
}

/** `\frac{d}{dx}` (or d/dβ …): a `d` over `d` times one symbol. */
function isDifferentialOperator(numerator: MathNode, denominator: MathNode): boolean {
  const isD = (n: MathNode | undefined) => n?.type === 'SymbolNode' && (n as unknown as { name: string }).name === 'd';
  if (!isD(numerator) || denominator.type !== 'OperatorNode') return false;
  const [a, b] = (denominator as OperatorNode).args as MathNode[];
  return (denominator as OperatorNode).fn === 'multiply' && isD(a) && b?.type === 'SymbolNode';
}
