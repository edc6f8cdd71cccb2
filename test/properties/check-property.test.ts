/**
 * The property runner and its settings: failures name the seed and path and replay with them,
 * GRADPROOF_RUNS sets the number of runs, malformed settings are refused by name, and the float
 * arbitraries produce the values they promise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyFloat, checkProperty, finiteFloat, LARGEST_SUBNORMAL, PropertyFailure, readPropertySettings, subnormalFloat,
} from '../../properties/index.ts';

/** A property that fails for x >= 1000 (shrinks to exactly 1000). */
const failing = () => fc.property(fc.integer({ min: 0, max: 1_000_000 }), (x) => x < 1000);

function failureOf(run: () => void): PropertyFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof PropertyFailure) return error;
    throw error;
  }
  throw new Error('expected a PropertyFailure, the property passed');
}

describe('checkProperty', () => {
  it('prints the id, seed, path, counterexample and replay command, and keeps the cause', () => {
    const failure = failureOf(() => checkProperty('demo.fails', failing(), { settings: { seed: 42 } }));
    expect(failure.seed).toBe(42);
    expect(failure.counterexample).toEqual([1000]);
    expect(failure.message).toContain("property 'demo.fails' failed");
    expect(failure.message).toContain(`seed: 42, path: "${failure.path}"`);
    expect(failure.message).toContain('counterexample: [1000]');
    expect(failure.message).toContain(`GRADPROOF_PROPERTY='demo.fails' GRADPROOF_SEED=42 GRADPROOF_PATH=${failure.path}`);
    expect(failure.cause).toBeDefined();
  });

  it('replays a failure from its seed and path straight to the same counterexample', () => {
    const first = failureOf(() => checkProperty('demo.replay', failing(), { settings: {} }));
    let calls = 0;
    const counted = fc.property(fc.integer({ min: 0, max: 1_000_000 }), (x) => {
      calls++;
      return x < 1000;
    });
    const replay = failureOf(() => checkProperty('demo.replay', counted, { settings: { seed: first.seed, path: first.path!, property: 'demo.replay' } }));
    expect(replay.counterexample).toEqual(first.counterexample);
    // The path leads to the shrunk value at once; fast-check then tries its remaining shrinks (none fail).
    expect(calls).toBeLessThanOrEqual(3);
  });

  it('applies a targeted seed and path only to the named property', () => {
    let seen: number | undefined;
    const probe = fc.property(fc.integer(), (x) => {
      seen ??= x;
      return true;
    });
    checkProperty('other.property', probe, { settings: { seed: 7, path: '0', property: 'demo.target' }, numRuns: 1 });
    const first = seen;
    seen = undefined;
    checkProperty('demo.target', probe, { settings: { seed: 7, property: 'demo.target' }, numRuns: 1 });
    const targeted = seen;
    seen = undefined;
    checkProperty('demo.target', probe, { settings: { seed: 7 }, numRuns: 1 });
    expect(seen).toBe(targeted);
    expect(first).toBeDefined();
  });

  it('runs exactly GRADPROOF_RUNS times when set, else the property default', () => {
    let calls = 0;
    const counting = () => fc.property(fc.nat(), () => {
      calls++;
    });
    checkProperty('demo.count', counting(), { settings: readPropertySettings({ GRADPROOF_RUNS: '37' }), numRuns: 5 });
    expect(calls).toBe(37);
    calls = 0;
    checkProperty('demo.count', counting(), { settings: readPropertySettings({}), numRuns: 5 });
    expect(calls).toBe(5);
  });
});

describe('readPropertySettings', () => {
  it('reads runs, seed, path and property', () => {
    expect(readPropertySettings({ GRADPROOF_RUNS: '1000', GRADPROOF_SEED: '-12', GRADPROOF_PATH: '3:0:1', GRADPROOF_PROPERTY: 'a.b' }))
      .toEqual({ runs: 1000, seed: -12, path: '3:0:1', property: 'a.b' });
    expect(readPropertySettings({})).toEqual({});
  });
  it.each([
    [{ GRADPROOF_RUNS: 'many' }, /GRADPROOF_RUNS: expected an integer/],
    [{ GRADPROOF_RUNS: '0' }, /GRADPROOF_RUNS/],
    [{ GRADPROOF_SEED: '1.5' }, /GRADPROOF_SEED: expected a 32-bit integer/],
    [{ GRADPROOF_PATH: '1:a', GRADPROOF_PROPERTY: 'p' }, /GRADPROOF_PATH: expected numbers separated by ':'/],
    [{ GRADPROOF_PATH: '1:2' }, /GRADPROOF_PATH: expected GRADPROOF_PROPERTY too/],
  ])('refuses %j', (env, message) => {
    expect(() => readPropertySettings(env)).toThrow(message);
  });
});

describe('float arbitraries', () => {
  const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { numRuns: 4000, seed: 3 });
  it('anyFloat produces −0, subnormals, ±large values, NaN and ±∞', () => {
    const values = sample(anyFloat());
    expect(values.some((v) => Object.is(v, -0))).toBe(true);
    expect(values.some((v) => v !== 0 && Math.abs(v) <= LARGEST_SUBNORMAL)).toBe(true);
    expect(values.some((v) => Math.abs(v) > 700 && Number.isFinite(v))).toBe(true);
    expect(values.some(Number.isNaN)).toBe(true);
    expect(values.includes(Infinity) && values.includes(-Infinity)).toBe(true);
  });
  it('finiteFloat stays finite and in range, and visits the near points closely', () => {
    const values = sample(finiteFloat({ min: -5, max: 3, near: [-1.2] }));
    expect(values.every((v) => Number.isFinite(v) && v >= -5 && v <= 3)).toBe(true);
    expect(values.some((v) => v !== -1.2 && Math.abs(v + 1.2) < 1e-9)).toBe(true);
  });
  it('subnormalFloat stays below the normal range', () => {
    expect(sample(subnormalFloat()).every((v) => Math.abs(v) <= LARGEST_SUBNORMAL)).toBe(true);
  });
});
