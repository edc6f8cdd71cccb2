/**
 * The LaTeX front end of the symbolic layer: parsing TeX answers and `where` definitions.
 * Re-exported by `src/symbolic/index.ts`; other layers import from there.
 */
export { parseLatex } from './parse-latex.ts';
export type { LatexParseOptions } from './parse-latex.ts';
export type { FunctionSymbols } from './latex-parser.ts';
export { detectAnswerFormat, parseAnswer } from './parse-answer.ts';
export type { AnswerFormat, AnswerParseOptions, ParsedAnswer } from './parse-answer.ts';
export { parseWhereDefinition, parseWhereList } from './parse-where.ts';
export type { WhereDefinition, WhereParseOptions } from './parse-where.ts';
