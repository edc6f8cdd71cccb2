/**
 * How smooth a landscape is, as numbers: the output is min–max normalised to [0, 1] and the
 * domain to the unit square, so the numbers compare across activations and networks.
 *
 * With z the normalised output on an n × n grid and h = 1 / (n − 1):
 * - meanGradient = mean over interior points of |∇z| (central differences);
 * - totalVariation = (Σ |Δₓz| + Σ |Δᵧz|) / n: the mean variation along a row plus the mean
 *   variation along a column (anisotropic TV, ∫ |∂ₓz| + |∂ᵧz| over the square; 1 for z = x);
 * - meanAbsLaplacian = mean over interior points of the five-point |∇²z|
 *   (|z(r, c+1) + z(r, c−1) + z(r+1, c) + z(r−1, c) − 4 z(r, c)| / h²): the total amount of
 *   bending. It does not tell a crease from a gentle bend of the same total turning (|x| and a
 *   parabola score alike), hence:
 * - rmsLaplacian = √(mean (∇²z)²): bending weighted by how concentrated it is. A crease of a
 *   piecewise-linear (ReLU) surface puts all its bending on one grid line and scores high (and
 *   grows with the grid size, as 1/√h), a smooth bend scores low. This is the sharpness number;
 *   compare it only between landscapes of the same grid size.
 * - flatFraction = share of interior points where both central differences are exactly 0 (dead
 *   regions, e.g. a ReLU output unit that is off): flat areas lower the first two numbers, so
 *   read them together with this one.
 * All are 0 for a constant output and grow with how much and how sharply it varies.
 */
import { GradproofError } from '../../symbolic/error.ts';

/** Smoothness numbers of one landscape (smaller is smoother). */
export interface LandscapeSmoothness {
  readonly meanGradient: number;
  readonly totalVariation: number;
  readonly meanAbsLaplacian: number;
  readonly rmsLaplacian: number;
  readonly flatFraction: number;
  /** The raw output range before normalisation. */
  readonly min: number;
  readonly max: number;
}

/** Smallest grid the differences are defined on. */
const MIN_SIDE = 3;

/**
 * Smoothness of a `side × side` row-major grid of outputs.
 *
 * @throws GradproofError GP_INPUT when `values` is not side² long, side < 3, or a value is not finite.
 */
export function landscapeSmoothness(values: ArrayLike<number>, side: number): LandscapeSmoothness {
  if (!(Number.isInteger(side) && side >= MIN_SIDE) || values.length !== side * side) {
    throw new GradproofError('GP_INPUT', `landscape smoothness: expected a square grid of side ≥ ${MIN_SIDE}, got ${values.length} values for side ${side}`);
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new GradproofError('GP_INPUT', `landscape smoothness: expected finite outputs, got ${v} (at index ${i})`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max > min ? max - min : 1;
  const z = (r: number, c: number) => (values[r * side + c] - min) / span;
  const h = 1 / (side - 1);
  let tv = 0;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (c + 1 < side) tv += Math.abs(z(r, c + 1) - z(r, c));
      if (r + 1 < side) tv += Math.abs(z(r + 1, c) - z(r, c));
    }
  }
  let gradient = 0;
  let laplacian = 0;
  let laplacianSquared = 0;
  let flat = 0;
  for (let r = 1; r + 1 < side; r++) {
    for (let c = 1; c + 1 < side; c++) {
      const gx = (z(r, c + 1) - z(r, c - 1)) / (2 * h);
      const gy = (z(r + 1, c) - z(r - 1, c)) / (2 * h);
      gradient += Math.hypot(gx, gy);
      if (gx === 0 && gy === 0) flat++;
      const lap = (z(r, c + 1) + z(r, c - 1) + z(r + 1, c) + z(r - 1, c) - 4 * z(r, c)) / (h * h);
      laplacian += Math.abs(lap);
      laplacianSquared += lap * lap;
    }
  }
  const interior = (side - 2) * (side - 2);
  return { meanGradient: gradient / interior, totalVariation: tv / side, meanAbsLaplacian: laplacian / interior, rmsLaplacian: Math.sqrt(laplacianSquared / interior), flatFraction: flat / interior, min, max };
}
