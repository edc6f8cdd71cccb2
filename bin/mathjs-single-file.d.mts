// Types of bin/mathjs-single-file.mjs: the same API as 'mathjs'.
import type * as math from 'mathjs';

declare const mathjs: typeof math;
export default mathjs;
export const ConstantNode: typeof math.ConstantNode;
export const FunctionNode: typeof math.FunctionNode;
export const OperatorNode: typeof math.OperatorNode;
export const ParenthesisNode: typeof math.ParenthesisNode;
export const SymbolNode: typeof math.SymbolNode;
export const bignumber: typeof math.bignumber;
export const parse: typeof math.parse;
