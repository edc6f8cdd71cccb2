/**
 * gradproof's public API: one namespace per layer, in the order of the chain of trust
 * (symbolic ← numeric ← gradcheck ← grade, train ← site). Each layer's own `index.ts` lists its
 * exports explicitly.
 *
 * @example
 * import { symbolic } from 'gradproof';
 * const { parseExpression, prove } = symbolic;
 * prove(parseExpression('sigmoid(-x)'), parseExpression('1 - sigmoid(x)'), { variables: ['x'] }).status; // 'proved'
 */
export * as symbolic from './symbolic/index.ts';
export * as numeric from './numeric/index.ts';
export * as gradcheck from './gradcheck/index.ts';
export * as grade from './grade/index.ts';
export * as train from './train/index.ts';
export * as site from './site/index.ts';
