import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bceWithLogits, logSigmoid, mish, sechSoftplus, sigmoid, softmaxCrossEntropy, softplus, swish, tanhSoftplus, ulpError } from '../../src/numeric/index.ts';

/** Accuracy promised by the kernels' documentation. */
const MAX_ULPS = 4;

interface GoldenCase { kernel: string; args: (string | string[])[]; expected: string }
const golden = JSON.parse(readFileSync(new URL('./golden/kernels.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

const UNARY: Record<string, (x: number) => number> = { sigmoid, logSigmoid, softplus, tanhSoftplus, sechSoftplus, mish, swish };

function run(c: GoldenCase): number {
  if (c.kernel === 'bceWithLogits') return bceWithLogits(Number(c.args[0]), Number(c.args[1]));
  if (c.kernel === 'softmaxCrossEntropy') return softmaxCrossEntropy((c.args[0] as string[]).map(Number), (c.args[1] as string[]).map(Number));
  return UNARY[c.kernel]!(Number(c.args[0]));
}

describe('stable kernels against 50-digit mpmath golden values', () => {
  for (const kernel of [...Object.keys(UNARY), 'bceWithLogits', 'softmaxCrossEntropy']) {
    it(`${kernel} is within ${MAX_ULPS} ulp everywhere and never NaN for finite input`, () => {
      const cases = golden.cases.filter((c) => c.kernel === kernel);
      expect(cases.length).toBeGreaterThan(10);
      const failures: string[] = [];
      for (const c of cases) {
        const value = run(c);
        const expected = Number(c.expected);
        const ulps = ulpError(value, expected);
        if (!(ulps <= MAX_ULPS) || Number.isNaN(value)) {
          failures.push(`${kernel}(${JSON.stringify(c.args)}): value ${value}, expected ${c.expected}, error ${ulps} ulp, tolerance ${MAX_ULPS} ulp`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('handles ±0 and ±Infinity with the documented special values', () => {
    expect(sigmoid(-0)).toBe(0.5);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(softplus(Infinity)).toBe(Infinity);
    expect(Object.is(mish(-Infinity), -0)).toBe(true);
    expect(Object.is(swish(-Infinity), -0)).toBe(true);
    expect(mish(Infinity)).toBe(Infinity);
    expect(Object.is(mish(-0), -0)).toBe(true);
    expect(Number.isNaN(sigmoid(NaN))).toBe(true);
    expect(Number.isNaN(tanhSoftplus(NaN))).toBe(true);
  });
});
