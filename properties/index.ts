/**
 * gradproof/properties: property-based testing for activation functions and losses, for
 * gradproof's own suites and for other projects' CI (vitest or jest).
 *
 * @example
 * import { activationProperties } from 'gradproof/properties';
 * for (const p of activationProperties(Math.tanh, { name: 'tanh', derivative: (x) => 1 - Math.tanh(x) ** 2 })) it(p.title, p.run);
 */
export { activationProperties } from './activation-properties.ts';
export type { ActivationPropertyOptions } from './activation-properties.ts';
export { lossProperties } from './loss-properties.ts';
export type { LossPropertyOptions } from './loss-properties.ts';
export { propertyCase } from './property-case.ts';
export type { PropertyCase } from './property-case.ts';
export { PropertyFailure, checkProperty } from './check-property.ts';
export type { CheckPropertyOptions } from './check-property.ts';
export { readPropertySettings } from './property-settings.ts';
export type { PropertySettings } from './property-settings.ts';
export {
  EXP_OVERFLOW, LARGEST_SUBNORMAL, NON_FINITE_FLOATS, SMALLEST_SUBNORMAL, SPECIAL_FINITE_FLOATS, anyFloat, finiteFloat, floatNear, subnormalFloat,
} from './float-arbitraries.ts';
export type { FiniteFloatOptions } from './float-arbitraries.ts';
export { SMOOTH_FUNCTIONS, expressionArbitrary } from './expression-arbitrary.ts';
export type { ExpressionArbitraryOptions } from './expression-arbitrary.ts';
export type { DerivativeTolerance } from './_internals/derivative-check.ts';
