/**
 * The viridis colour map (perceptually uniform, readable in greyscale and by colour-blind
 * readers), computed rather than tabulated.
 *
 * Method: a degree-6 polynomial per channel, least-squares fitted to matplotlib's 256-entry
 * viridis table by Matt Zucker ("Perceptually uniform colormaps, polynomial fits", Shadertoy
 * WlfXRN, CC0). Accuracy: within about 0.02 of the table on [0, 1] in each channel (checked in
 * the test against matplotlib's values at 0, 0.25, 0.5, 0.75 and 1).
 */

/** Coefficients c0 … c6 of t⁰ … t⁶ for red, green and blue. */
const VIRIDIS_COEFFICIENTS: readonly (readonly [number, number, number])[] = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];

/** An RGB colour, each channel an integer in 0 … 255. */
export type Rgb = readonly [number, number, number];

/**
 * viridis(t) for t in [0, 1] (clamped; NaN maps to 0).
 * @example viridis(0) // [68, 1, 85]  (dark purple); viridis(1) // [252, 231, 34] (yellow)
 */
export function viridis(t: number): Rgb {
  const s = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
  const channel = (c: 0 | 1 | 2) => {
    let v = 0;
    for (let k = VIRIDIS_COEFFICIENTS.length - 1; k >= 0; k--) v = v * s + VIRIDIS_COEFFICIENTS[k][c];
    return Math.round(255 * Math.min(1, Math.max(0, v)));
  };
  return [channel(0), channel(1), channel(2)];
}
