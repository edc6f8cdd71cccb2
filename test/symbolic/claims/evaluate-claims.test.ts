import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bignumber } from 'mathjs';
import { builtinCatalog, Catalog } from '../../../src/symbolic/catalog/catalog.ts';
import { bisectRoot, evaluateClaims, lambertW, sourceClaims, type ClaimResult } from '../../../src/symbolic/claims/index.ts';
import { parseExpression } from '../../../src/symbolic/parse.ts';

/** Produced by minima.golden.py (mpmath findroot at 60 digits). */
const GOLDEN = JSON.parse(readFileSync(new URL('./minima.golden.json', import.meta.url), 'utf8')) as Record<string, { at: string; value: string }> & { lambertW_1_over_e: string };

/** Every claim's expected verdict: the document is right except where it mixes the two Swish-β forms. */
const EXPECTED: Record<string, ClaimResult['status']> = {
  'form:sigmoid.d1.product': 'proved', 'form:softplus.d1.sigmoid': 'proved', 'form:relu.max': 'proved',
  'form:swish.d1.product-rule': 'proved', 'form:swish.d1.expanded': 'proved', 'form:swish.d1.regrouped': 'proved', 'form:swish.d1.self': 'proved',
  'form:mish.definition.log': 'proved', 'form:mish.d1.chain-rule': 'proved', 'form:mish.d1.mish-over-x': 'proved',
  'form:mish.d1.swish-delta': 'proved', 'form:mish.d1.omega-delta': 'proved',
  'swish_2beta.beta-zero': 'proved', 'swish_beta.beta-zero': 'refuted', 'swish_beta.beta-one': 'proved',
  'swish_beta.beta-infinity': 'proved', 'swish_2beta.beta-infinity': 'refuted',
  'relu.d1.positive': 'proved', 'relu.d1.negative': 'proved', 'relu.not-differentiable-at-0': 'proved',
  'sigmoid.d1.vanishes': 'proved', 'tanh.d1.vanishes': 'proved',
  'relu.bounds': 'proved', 'swish.bounds': 'proved', 'mish.bounds': 'proved', 'relu.monotonic': 'proved',
  'swish.non-monotonic': 'proved', 'mish.non-monotonic': 'proved', 'swish-mish.smooth': 'proved', 'swish-mish.negative': 'proved',
  'swish.minimum': 'numerical', 'mish.minimum': 'numerical',
  'bce.half.y0': 'proved', 'bce.half.y1': 'proved', 'bce.half.any-y': 'proved', 'mse.half.y0': 'proved', 'mse.half.y1': 'proved',
  'bce.sup-infinite': 'proved', 'mse.max': 'proved', 'mse.range': 'proved',
};

let results: ClaimResult[];
beforeAll(() => {
  results = evaluateClaims();
});
const byId = (id: string) => results.find((r) => r.id === id)!;

describe('evaluateClaims', () => {
  it('checks exactly the expected claims, with unique ids', () => {
    expect(results.map((r) => r.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is %s', (id, status) => {
    const r = byId(id);
    expect(r.status, r.detail).toBe(status);
    expect(r.detail.length).toBeGreaterThan(10);
    if (status === 'refuted') expect(r.correctStatement).toBeTruthy();
  });

  it('says which Swish-β form gives what', () => {
    expect(byId('swish_beta.beta-zero').correctStatement).toMatch(/x\/2/);
    expect(byId('swish_2beta.beta-infinity').correctStatement).toMatch(/2\*relu\(x\)/);
    expect(byId('swish_beta.beta-infinity').detail).toMatch(/abs\(x\).*proved \(case-split/);
  });

  it('notes the removable singularity of the Mish(x)/x forms', () => {
    expect(byId('form:mish.d1.swish-delta').detail).toMatch(/removable singularity/);
  });

  it('finds the minima of Swish and Mish to 45 digits of the mpmath values', () => {
    for (const name of ['swish', 'mish'] as const) {
      const detail = byId(`${name}.minimum`).detail;
      const [at, value] = [...detail.matchAll(/(-?\d+\.\d{40,})/g)].map((m) => m[1]!);
      expect(bignumber(at!).minus(GOLDEN[name]!.at).abs().lt('1e-45'), `${name} at ${at}`).toBe(true);
      expect(bignumber(value!).minus(GOLDEN[name]!.value).abs().lt('1e-45'), `${name} value ${value}`).toBe(true);
    }
  });
});

describe('claim numerics', () => {
  it('computes W(1/e) and a root of Swish′', () => {
    expect(bignumber(lambertW(bignumber(1).div(bignumber(1).exp()).toString()).toString()).minus(GOLDEN.lambertW_1_over_e).abs().lt('1e-45')).toBe(true);
    const root = bisectRoot(parseExpression('x^2 - 2'), 'x', '0', '2');
    expect(root.toString().startsWith('1.41421356237309504880168872420969807856967187537')).toBe(true);
    expect(() => bisectRoot(parseExpression('x^2 + 1'), 'x', '0', '2')).toThrowError(/sign change/);
  });

  it('marks a claim undecided when a user catalog lacks its entry', () => {
    const partial = new Catalog(builtinCatalog().entries.filter((e) => e.name !== 'mse'));
    const mse = evaluateClaims(partial).filter((r) => r.id.startsWith('mse.'));
    expect(mse.length).toBeGreaterThan(0);
    expect(mse.every((r) => r.status === 'undecided' && /mse/.test(r.detail))).toBe(true);
    expect(sourceClaims(partial).length).toBe(sourceClaims().length);
  });
});
