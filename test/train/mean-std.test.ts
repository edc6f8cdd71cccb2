import { describe, expect, it } from 'vitest';
import { meanStd } from '../../src/train/mean-std.ts';

describe('meanStd', () => {
  it('gives the population statistics (divide by n, like np.std)', () => {
    const r = meanStd([1, 2, 3, 4]);
    expect(r.mean).toBe(2.5);
    expect(r.std).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(r.n).toBe(4);
  });

  it('gives std 0 for one value and NaN for none', () => {
    expect(meanStd([7])).toEqual({ mean: 7, std: 0, n: 1 });
    const empty = meanStd([]);
    expect(Number.isNaN(empty.mean) && Number.isNaN(empty.std)).toBe(true);
    expect(empty.n).toBe(0);
  });
});
