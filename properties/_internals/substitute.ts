/**
 * Internal: replaces symbols by expressions (the `where` definitions of a catalog form, e.g. ω
 * and δ of the Mish closed form).
 */
import type { MathNode, SymbolNode } from 'mathjs';

/** `node` with every symbol named in `definitions` replaced by its (parenthesised) definition. */
export function substitute(node: MathNode, definitions: Readonly<Record<string, MathNode>>): MathNode {
  if (Object.keys(definitions).length === 0) return node;
  return node.transform((n) => {
    if (n.type === 'SymbolNode' && Object.hasOwn(definitions, (n as SymbolNode).name)) return definitions[(n as SymbolNode).name]!.cloneDeep();
    return n;
  });
}
