/**
 * The derivatives a student gets by forgetting one chain-rule factor: for each site f(u) (or u^n,
 * e^u) of the function whose inner u is not the variable itself, the derivative computed as if
 * du/dx were 1 at that site.
 *
 * Method: replace f(u) by f(u[x := s] + x − s) with s a fresh symbol, so d/dx sees an inner
 * derivative of exactly 1 while the value is unchanged; differentiate; then undo the marker
 * (u[x := s] + x − s becomes u[x := s]) and put s := x back.
 */
import { FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';
import { add, derive, sub, sym, tidy } from '../symbolic/index.ts';

/** The derivative with one chain-rule factor left out. */
export interface ChainRuleVariant {
  /** The omitted factor du/dx. */
  readonly factor: MathNode;
  /** The derivative without it. */
  readonly derivative: MathNode;
}

/** Fresh symbol standing for the variable inside a frozen site. */
const FROZEN = '__frozen';

/** At most this many sites are tried (each costs a derivation and a comparison). */
const MAX_SITES = 8;

/** The chain-rule variants of d `definition` / d `wrt`, one per site. */
export function chainRuleVariants(definition: MathNode, wrt: string): ChainRuleVariant[] {
  const sites: MathNode[] = [];
  definition.traverse((n) => {
    if (sites.length >= MAX_SITES) return;
    const inner = innerOf(n);
    if (inner && dependsOn(inner, wrt) && !(inner.type === 'SymbolNode' && (inner as SymbolNode).name === wrt)) sites.push(n);
  });
  const variants: ChainRuleVariant[] = [];
  for (const site of sites) {
    const inner = innerOf(site)!;
    const frozen = add(rename(inner, wrt, FROZEN), sym(wrt));
    const marked = sub(frozen, sym(FROZEN));
    const replaced = definition.transform((n) => (n === site ? withInner(site, marked) : n));
    const d = derive(replaced, wrt);
    const unmarked = d.transform((n) => (isMarker(n, wrt) ? ((n as OperatorNode).args[0] as OperatorNode).args[0] as MathNode : n));
    const derivative = tidy(rename(unmarked, FROZEN, wrt));
    const factor = derive(inner, wrt);
    if (factor.type === 'ConstantNode' || /^-?1$/.test(factor.toString())) continue; // a constant factor is diagnosed as such
    variants.push({ factor, derivative });
  }
  return variants;
}

/** The inner expression of a chain-rule site: the argument of a one-argument call, the base of u^n, the exponent of e^u. */
function innerOf(n: MathNode): MathNode | undefined {
  if (n.type === 'FunctionNode') {
    const args = (n as FunctionNode).args as MathNode[];
    return args.length === 1 ? args[0] : undefined;
  }
  if (n.type === 'OperatorNode' && (n as OperatorNode).fn === 'pow') {
    const [base, exponent] = (n as OperatorNode).args as MathNode[];
    if (base!.type === 'SymbolNode' && (base as SymbolNode).name === 'e') return exponent;
    return exponent!.type === 'ConstantNode' ? base : undefined;
  }
  return undefined;
}

function withInner(site: MathNode, inner: MathNode): MathNode {
  if (site.type === 'FunctionNode') return new FunctionNode((site as FunctionNode).fn, [inner]);
  const [base, exponent] = (site as OperatorNode).args as MathNode[];
  const eBase = base!.type === 'SymbolNode' && (base as SymbolNode).name === 'e';
  return new OperatorNode('^', 'pow', eBase ? [base!, inner] : [inner, exponent!]);
}

function isMarker(n: MathNode, wrt: string): boolean {
  if (n.type !== 'OperatorNode' || (n as OperatorNode).fn !== 'subtract') return false;
  const [left, right] = (n as OperatorNode).args as MathNode[];
  if (right!.type !== 'SymbolNode' || (right as SymbolNode).name !== FROZEN) return false;
  if (left!.type !== 'OperatorNode' || (left as OperatorNode).fn !== 'add') return false;
  const x = (left as OperatorNode).args[1] as MathNode;
  return x.type === 'SymbolNode' && (x as SymbolNode).name === wrt;
}

function rename(node: MathNode, from: string, to: string): MathNode {
  return node.transform((n) => (n.type === 'SymbolNode' && (n as SymbolNode).name === from ? sym(to) : n));
}

function dependsOn(node: MathNode, v: string): boolean {
  let found = false;
  node.traverse((n) => {
    if (n.type === 'SymbolNode' && (n as SymbolNode).name === v) found = true;
  });
  return found;
}
