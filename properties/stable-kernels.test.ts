/**
 * The numeric layer's stable float64 kernels: within their documented 4 ulp of the 50-digit
 * reference over the whole float64 range (±0, subnormals, |x| beyond 700), never NaN for a
 * finite input, NaN for NaN and the limits at ±∞; and the compiled catalog functions (stable
 * form) never NaN for finite inputs in their domain.
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import {
  bceWithLogits, compileExpression, logSigmoid, mish, referenceValue, sechSoftplus, sigmoid, softmaxCrossEntropy, softplus, swish,
  tanhSoftplus, ulpError,
} from '../src/numeric/index.ts';
import { builtinCatalog, parseExpression } from '../src/symbolic/index.ts';
import { anyFloat, finiteFloat } from './float-arbitraries.ts';
import { FLOAT_RUNS, propertyTest } from './_internals/property-test.ts';

/** The kernels' documented accuracy against the 50-digit reference (stable-kernels.ts). */
const KERNEL_ULPS = 4;
/** Runs of the accuracy properties: each evaluates the 50-digit reference (ms). */
const ACCURACY_RUNS = 60;

interface ScalarKernel {
  readonly name: string;
  readonly f: (x: number) => number;
  /** The reference, with registered functions (evaluated accurately at 50 digits everywhere). */
  readonly reference: string;
  /** Values at −∞ and +∞ (−0 and 0 both accepted for 0). */
  readonly limits: readonly [number, number];
}

const KERNELS: readonly ScalarKernel[] = [
  { name: 'sigmoid', f: sigmoid, reference: 'sigmoid(x)', limits: [0, 1] },
  { name: 'softplus', f: softplus, reference: 'softplus(x)', limits: [0, Infinity] },
  { name: 'logSigmoid', f: logSigmoid, reference: '-softplus(-x)', limits: [-Infinity, 0] },
  { name: 'tanhSoftplus', f: tanhSoftplus, reference: 'tanh(softplus(x))', limits: [0, 1] },
  { name: 'sechSoftplus', f: sechSoftplus, reference: 'sech(softplus(x))', limits: [1, 0] },
  { name: 'mish', f: mish, reference: 'mish(x)', limits: [0, Infinity] },
  { name: 'swish', f: swish, reference: 'swish(x)', limits: [0, Infinity] },
];

/** Equal as numbers, with −0 = 0 and NaN = NaN. */
const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

describe('stable kernels', () => {
  for (const k of KERNELS) {
    const reference = parseExpression(k.reference);
    propertyTest(`kernel.${k.name}.accuracy`, `${k.name} is within ${KERNEL_ULPS} ulp of the 50-digit ${k.reference} over all finite doubles`, () =>
      fc.property(finiteFloat({ near: [0, -700, -745, 20, 36, 710] }), (x) => {
        const got = k.f(x);
        const want = referenceValue(reference, { x });
        const error = ulpError(got, want);
        if (error > KERNEL_ULPS) throw new Error(`${k.name}(${x}) = ${got}, reference ${want}: ${error} ulp > ${KERNEL_ULPS}`);
      }), ACCURACY_RUNS);
    propertyTest(`kernel.${k.name}.special`, `${k.name}: never NaN for finite x; NaN gives NaN; ±∞ give ${k.limits.join(' and ')}`, () =>
      fc.property(anyFloat(), (x) => {
        const y = k.f(x);
        if (Number.isNaN(x)) return Number.isNaN(y);
        if (x === -Infinity) return same(y, k.limits[0]);
        if (x === Infinity) return same(y, k.limits[1]);
        return !Number.isNaN(y);
      }), FLOAT_RUNS);
  }
  propertyTest('kernel.bceWithLogits', 'BCE with logits: within 4 ulp of y·softplus(−z) + (1 − y)·softplus(z) and never NaN for finite z, y ∈ [0, 1]', () => {
    const reference = parseExpression('y*softplus(-z) + (1 - y)*softplus(z)');
    return fc.property(finiteFloat({ near: [0, 36, -36, 710] }), finiteFloat({ min: 0, max: 1 }), (z, y) => {
      const got = bceWithLogits(z, y);
      const want = referenceValue(reference, { z, y });
      if (Number.isNaN(got) || ulpError(got, want) > KERNEL_ULPS) throw new Error(`bceWithLogits(${z}, ${y}) = ${got}, reference ${want}`);
    });
  }, ACCURACY_RUNS);
  propertyTest('kernel.softmaxCrossEntropy', 'softmax cross-entropy (3 classes): within 4 ulp of the catalog definition for |z| <= 50, y >= 0', () => {
    const definition = builtinCatalog().get('softmax_cross_entropy').definition;
    const z = finiteFloat({ min: -50, max: 50, near: [0] });
    const y = finiteFloat({ min: 0, max: 1, near: [0, 1] });
    return fc.property(fc.tuple(z, z, z), fc.tuple(y, y, y), (zs, ys) => {
      const got = softmaxCrossEntropy(zs, ys);
      const want = referenceValue(definition, { z1: zs[0], z2: zs[1], z3: zs[2], y1: ys[0], y2: ys[1], y3: ys[2] });
      if (Number.isNaN(got) || ulpError(got, want) > KERNEL_ULPS) throw new Error(`softmaxCrossEntropy(${zs}, ${ys}) = ${got}, reference ${want} (${ulpError(got, want)} ulp)`);
    });
  }, 20);
  propertyTest('kernel.softmax-never-nan', 'softmax cross-entropy is never NaN for finite z and y ∈ [0, 1]', () => {
    const z = finiteFloat();
    const y = finiteFloat({ min: 0, max: 1 });
    return fc.property(fc.tuple(z, z, z), fc.tuple(y, y, y), (zs, ys) => !Number.isNaN(softmaxCrossEntropy(zs, ys)));
  }, FLOAT_RUNS);
});

describe('compiled catalog functions', () => {
  const activations = builtinCatalog().entries.filter((e) => e.kind === 'activation');
  for (const entry of activations) {
    const names = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
    propertyTest(`compiled.${entry.name}.finite`, `${entry.name} compiled (float64, stable) is never NaN for finite inputs`, () => {
      const compiled = compileExpression(entry.stable ?? entry.definition, { variables: names });
      return fc.property(fc.array(finiteFloat(), { minLength: names.length, maxLength: names.length }), (values) => {
        const y = compiled.evaluate(values);
        if (Number.isNaN(y)) throw new Error(`${entry.name}(${values.join(', ')}) = NaN`);
      });
    }, FLOAT_RUNS);
  }
});
