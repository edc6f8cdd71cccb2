/**
 * Mean and standard deviation of a list of numbers, as reported beside the source document's
 * values (its PReLU α means and stds are population statistics, NumPy's default `np.std`):
 * learned parameters in final.json, smoothness numbers of the output landscape.
 */

/** A mean with its (population) standard deviation and the sample size. */
export interface MeanStd {
  readonly mean: number;
  readonly std: number;
  readonly n: number;
}

/**
 * Population mean and standard deviation (divide by n, like `np.std`); NaN for an empty list.
 * @example meanStd([1, 2, 3]) // { mean: 2, std: 0.816…, n: 3 }
 */
export function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  return { mean, std: Math.sqrt(variance), n };
}
