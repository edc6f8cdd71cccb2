/**
 * The factories used exactly as another project would: imported through the package export
 * `gradproof/properties` (package self-reference), on activation functions and a loss written
 * here by hand — ELU and the tanh approximation of GELU with their hand-written derivatives, and
 * the Huber loss.
 */
import { describe, expect, it } from 'vitest';
import { activationProperties, lossProperties, PropertyFailure } from 'gradproof/properties';

/** ELU with α = 1: x for x > 0, e^x − 1 otherwise. */
const elu = (x: number): number => (x > 0 ? x : Math.expm1(x));
const dElu = (x: number): number => (x > 0 ? 1 : Math.exp(x));

/** GELU, tanh approximation: x/2 · (1 + tanh(√(2/π)(x + 0.044715x³))). */
const C = Math.sqrt(2 / Math.PI);
const gelu = (x: number): number => (Number.isFinite(x) ? 0.5 * x * (1 + Math.tanh(C * (x + 0.044715 * x ** 3))) : x > 0 ? x : x < 0 ? 0 : NaN);
const dGelu = (x: number): number => {
  const u = C * (x + 0.044715 * x ** 3);
  const t = Math.tanh(u);
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * 0.044715 * x * x);
};

/** Huber loss with δ = 1 (quadratic near the target, linear beyond). */
const huber = (a: number, y: number): number => (Math.abs(a - y) <= 1 ? 0.5 * (a - y) ** 2 : Math.abs(a - y) - 0.5);
const dHuber = (a: number, y: number): number => Math.max(-1, Math.min(1, a - y));

describe('ELU through gradproof/properties', () => {
  for (const p of activationProperties(elu, { name: 'elu', derivative: dElu, kinks: [0], limits: { '-inf': -1 }, lowerBound: -1, monotonic: 'increasing', values: [[0, 0], [1, 1]] })) {
    it(p.title, p.run);
  }
});

describe('GELU (tanh approximation) through gradproof/properties', () => {
  for (const p of activationProperties(gelu, { name: 'gelu', derivative: dGelu, limits: { '-inf': 0 }, range: [-8, 8] })) {
    it(p.title, p.run);
  }
});

describe('Huber loss through gradproof/properties', () => {
  for (const p of lossProperties(huber, { name: 'huber', gradient: dHuber, prediction: { min: -3, max: 3 }, upperBound: 3.5 })) {
    it(p.title, p.run);
  }
});

describe('the factories catch mistakes', () => {
  it('a wrong ELU derivative (e^x − 1 on the left) fails with a replayable PropertyFailure', () => {
    const wrong = activationProperties(elu, { name: 'elu-wrong', derivative: (x) => (x > 0 ? 1 : Math.expm1(x)), numRuns: 100 });
    const derivative = wrong.find((p) => p.id === 'elu-wrong.derivative')!;
    expect(derivative.run).toThrow(PropertyFailure);
    try {
      derivative.run();
    } catch (error) {
      expect((error as PropertyFailure).message).toMatch(/seed: -?\d+, path: "\d+(:\d+)*"/);
      expect((error as PropertyFailure).message).toContain("GRADPROOF_PROPERTY='elu-wrong.derivative'");
    }
  });
  it('a loss that is negative somewhere fails non-negativity', () => {
    const shifted = lossProperties((a, y) => (a - y) ** 2 - 0.01, { name: 'shifted', zeroAtLabels: false, numRuns: 100 });
    expect(shifted.find((p) => p.id === 'shifted.non-negative')!.run).toThrow(PropertyFailure);
  });
});
