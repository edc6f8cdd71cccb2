/**
 * The parsers round-trip: random whitelisted trees printed as text (mathjs syntax) or as TeX
 * (`toTex`) parse back to the same tree (`parseExpression`, `parseLatex`), and a second round
 * trip changes nothing. Trees are compared structurally, ignoring parentheses, reading e^u and
 * exp(u) as the same node, and up to the regrouping the printers do on purpose: mathjs writes
 * x·(y·z) and x·(y/z) as `x * y * z` and `x * y / z` (and likewise for + and −), which parse
 * left-associated — the same value, a different grouping. Chains of · and / (and of + and −)
 * are therefore compared as flat sequences.
 */
import fc from 'fast-check';
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { describe } from 'vitest';
import { parseExpression, parseLatex, toTex } from '../src/symbolic/index.ts';
import { expressionArbitrary } from './expression-arbitrary.ts';
import { FLOAT_RUNS, propertyTest } from './_internals/property-test.ts';

/** A canonical, printable form of a tree: parentheses dropped, e^u read as exp(u). */
function shape(node: MathNode): string {
  switch (node.type) {
    case 'ParenthesisNode':
      return shape((node as unknown as { content: MathNode }).content);
    case 'ConstantNode':
      return String((node as ConstantNode).value);
    case 'SymbolNode':
      return (node as SymbolNode).name;
    case 'FunctionNode':
      return `${((node as FunctionNode).fn as unknown as SymbolNode).name}(${((node as FunctionNode).args as MathNode[]).map(shape).join(', ')})`;
    case 'OperatorNode': {
      const op = node as OperatorNode;
      const args = op.args as MathNode[];
      if (op.fn === 'pow' && args[0]!.type === 'SymbolNode' && (args[0] as SymbolNode).name === 'e') return `exp(${shape(args[1]!)})`;
      if (op.fn in CHAINS) return `${CHAINS[op.fn]}[${chain(node, CHAINS[op.fn]!).join(' ')}]`;
      return `${op.fn}(${args.map(shape).join(', ')})`;
    }
    default:
      return `<${node.type}>`;
  }
}

/** Operators that form chains, by family: (+, −) and (·, /). */
const CHAINS: Readonly<Record<string, string>> = { add: 'sum', subtract: 'sum', multiply: 'product', divide: 'product' };

/** The terms of a chain of one family: x·(y/z) and (x·y)/z both give [*x *y /z]. */
function chain(node: MathNode, family: string): string[] {
  const inner = unparen(node);
  const [plus, minus] = family === 'sum' ? ['+', '-'] : ['*', '/'];
  if (inner.type !== 'OperatorNode' || CHAINS[(inner as OperatorNode).fn] !== family) return [`${plus}${shape(inner)}`];
  const op = inner as OperatorNode;
  const [a, b] = op.args as [MathNode, MathNode];
  // The right operand of − or / is never regrouped by the printers: it stays one item.
  const right = op.fn === 'add' || op.fn === 'multiply' ? chain(b, family) : [`${minus}${shape(unparen(b))}`];
  return [...chain(a, family), ...right];
}

function unparen(node: MathNode): MathNode {
  return node.type === 'ParenthesisNode' ? unparen((node as unknown as { content: MathNode }).content) : node;
}

function assertSameShape(actual: MathNode, expected: MathNode, via: string): void {
  if (shape(actual) !== shape(expected)) throw new Error(`${via}: expected ${shape(expected)}, got ${shape(actual)}`);
}

const trees = expressionArbitrary({ maxDepth: 4 });

describe('parser round trips', () => {
  propertyTest('roundtrip.text', 'text → nodes → text → nodes gives the same nodes (parseExpression)', () =>
    fc.property(trees, (tree) => {
      const once = parseExpression(tree.toString());
      assertSameShape(once, tree, `parseExpression('${tree.toString()}')`);
      assertSameShape(parseExpression(once.toString()), once, `second round of '${once.toString()}'`);
    }), FLOAT_RUNS);
  propertyTest('roundtrip.tex', 'nodes → TeX → nodes → TeX → nodes gives the same nodes (toTex, parseLatex)', () =>
    fc.property(trees, (tree) => {
      const tex = toTex(tree);
      const once = parseLatex(tex);
      assertSameShape(once, tree, `parseLatex('${tex}')`);
      const again = toTex(once);
      assertSameShape(parseLatex(again), once, `second round, parseLatex('${again}')`);
    }), FLOAT_RUNS);
  propertyTest('roundtrip.tex-text', 'TeX and text agree: parseLatex(toTex(e)) and parseExpression(e.toString()) are the same nodes', () =>
    fc.property(trees, (tree) => assertSameShape(parseLatex(toTex(tree)), parseExpression(tree.toString()), 'TeX vs text')), FLOAT_RUNS);
});
