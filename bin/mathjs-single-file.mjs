// mathjs's own single-file build (same version, same API) as an ES module, for the CLI process:
// mathjs's ESM entry creates every function eagerly through ~1,000 modules (≈1.4 s, ≈2 s
// through the TypeScript loader), the single file loads in ≈0.1 s and creates functions on first
// use. Named exports: every value src/ imports from 'mathjs' (test/cli/mathjs-single-file.test.ts
// keeps this list complete).
import { createRequire } from 'node:module';

const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js');

export default math;
export const { ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode, bignumber, parse } = math;
