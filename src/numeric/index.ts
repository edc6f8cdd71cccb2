/**
 * Public surface of the numeric layer: the expression compiler (float64 / float32), stable
 * kernels, the high-precision reference, and the derivative oracles (finite differences,
 * complex step, dual and hyper-dual numbers, automatic step selection).
 */
export { compileExpression } from './compile.ts';
export type { CompileOptions, CompiledExpression, Dtype, FloatArray } from './compile.ts';
export {
  bceWithLogits, expNegAbs, logSigmoid, mish, mishFromExp, sechSoftplus, sechSoftplusFromExp, sigmoid, sigmoidFromExp,
  softmaxCrossEntropy, softplus, softplusFromExp, swish, swishFromExp, tanhSoftplus, tanhSoftplusFromExp,
} from './stable-kernels.ts';
export { heaviside, kernel, kernels } from './kernel-table.ts';
export type { Kernel } from './kernel-table.ts';
export { STABLE_REWRITE_IDENTITIES, recognizeFunctions, stableRewrite } from './stable-rewrites.ts';
export { REFERENCE_DIGITS, exactDecimal, referenceValue } from './reference.ts';
export { compileAlgebra } from './algebra.ts';
export type { Algebra, AlgebraFunction } from './algebra.ts';
export { COMPLEX_ALGEBRA, Complex, complexFunction } from './complex.ts';
export { DUAL_ALGEBRA, Dual } from './dual.ts';
export { HYPER_DUAL_ALGEBRA, HyperDual } from './hyper-dual.ts';
export {
  backwardDifference, centralDifference, exactStep, fivePointDifference, forwardDifference, richardson, richardsonCentral,
  richardsonOneSided,
} from './finite-difference.ts';
export type { DerivativeEstimate, OracleName, ScalarFunction } from './finite-difference.ts';
export { autoDerivative } from './step-selection.ts';
export type { AutoStepOptions } from './step-selection.ts';
export { DerivativeOracles } from './derivative-oracles.ts';
export type { EstimateOptions, OracleChoice } from './derivative-oracles.ts';
export {
  FLOAT32_MIN_SPACING, FLOAT32_UNIT_ROUNDOFF, FLOAT64_MIN_SPACING, FLOAT64_UNIT_ROUNDOFF, ulp, ulp32, ulpError,
} from './ulp.ts';
export { seededRandom } from './seeded-random.ts';
export type { RandomSource } from './seeded-random.ts';
