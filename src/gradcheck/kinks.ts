/**
 * Where a function is not differentiable, and what to do there.
 *
 * Symbolic functions: every call of a piecewise function (abs, relu, max, min, sign, heaviside)
 * has a kink where its rule's `zeroOf` expression vanishes; {@link KinkLocator} evaluates those
 * expressions, so a check knows when a point sits on a kink (use one-sided derivatives) and how
 * small a step keeps a stencil off one.
 *
 * Black-box functions: {@link detectNonDifferentiable} applies Chainer's tests to a stencil of
 * values: a mix of finite and non-finite values, or a poor quadratic fit.
 */
import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';
import { functionRule } from '../symbolic/index.ts';
import { compileExpression, type CompiledExpression } from '../numeric/index.ts';

/** Smallest step tried when shrinking a stencil away from a kink, relative to |x| (x ± h stays distinguishable from x). */
const SMALLEST_RELATIVE_STEP = 2 ** -48;
/** Absolute floor of that step: 2^10 = 1024 subnormal spacings. */
const SMALLEST_STEP = 2 ** -1064;
/** Stencils reach x ± 4h (Richardson uses up to 2h, five-point 2h; margin for one-sided ones). */
const STENCIL_REACH = 4;

/** Locates the kinks of one expression. */
export class KinkLocator {
  private readonly zeros: CompiledExpression[];
  /** For each kink expression, the indices of the variables it depends on. */
  private readonly dependsOn: ReadonlySet<number>[];

  constructor(node: MathNode, variables: readonly string[]) {
    const found: MathNode[] = [];
    node.traverse((n) => {
      if (n.type !== 'FunctionNode') return;
      const name = ((n as FunctionNode).fn as unknown as SymbolNode).name;
      const kink = functionRule(name)?.kink;
      if (kink) found.push(kink.zeroOf((n as FunctionNode).args as MathNode[]));
    });
    this.zeros = found.map((z) => compileExpression(z, { variables }));
    this.dependsOn = found.map((z) => {
      const used = new Set<number>();
      z.traverse((n) => {
        if (n.type === 'SymbolNode') { const i = variables.indexOf((n as SymbolNode).name); if (i >= 0) used.add(i); }
      });
      return used;
    });
  }

  /** The kink expressions that move when variable `wrt` does. */
  private relevant(wrt: number): CompiledExpression[] {
    return this.zeros.filter((_, i) => this.dependsOn[i]!.has(wrt));
  }

  /** Number of piecewise calls in the expression. */
  get count(): number {
    return this.zeros.length;
  }

  /** True when `values` lies exactly on a kink of some piecewise call that depends on variable `wrt`. */
  atKink(values: readonly number[], wrt: number): boolean {
    return this.relevant(wrt).some((z) => z.evaluate(values) === 0);
  }

  /**
   * The largest step h ≤ `maxStep` (halving) for which no kink expression changes sign over
   * [x − 4h, x + 4h] in variable `wrt`; 0 when none down to 2^−48·|x| (the point is on a kink
   * for all practical purposes).
   */
  safeStep(values: readonly number[], wrt: number, maxStep: number): number {
    const zeros = this.relevant(wrt);
    if (zeros.length === 0) return maxStep;
    const point = [...values];
    const x = values[wrt]!;
    const signsAt = (t: number) => {
      point[wrt] = t;
      return zeros.map((z) => Math.sign(z.evaluate(point)));
    };
    const here = signsAt(x);
    const smallest = Math.max(SMALLEST_STEP, SMALLEST_RELATIVE_STEP * Math.abs(x));
    // halve until the stencil straddles no kink: far from kinks the first try succeeds
    for (let h = maxStep; h >= smallest; h /= 2) {
      const left = signsAt(x - STENCIL_REACH * h);
      const right = signsAt(x + STENCIL_REACH * h);
      if (here.every((s, i) => s === left[i] && s === right[i])) return h;
    }
    return 0;
  }
}

/** Relative size of the quadratic-fit residual that marks a stencil as non-differentiable. */
const NONDIFFERENTIABLE_RESIDUAL = 0.05;
/** Residuals below this many noise units are rounding, not a kink. */
const NOISE_UNITS = 64;

/**
 * Chainer's non-differentiability tests on f at x − 2h, x − h, x, x + h, x + 2h: true when the
 * values mix finite and non-finite numbers, or when the best quadratic through them leaves a
 * residual (their degree-3 and degree-4 components) that is large next to the first difference.
 */
export function detectNonDifferentiable(stencil: readonly [number, number, number, number, number], noise = 0): boolean {
  const finite = stencil.filter(Number.isFinite).length;
  if (finite !== 0 && finite !== stencil.length) return true;
  if (finite === 0) return false;
  const [a, b, c, d, e] = stencil;
  const cubic = -a + 2 * b - 2 * d + e; // orthogonal polynomial of degree 3 on −2..2
  const quartic = a - 4 * b + 6 * c - 4 * d + e; // degree 4
  const residual = Math.sqrt((cubic * cubic) / 10 + (quartic * quartic) / 70);
  const slope = Math.abs(d - b) / 2 + Math.abs(d - c) + Math.abs(c - b);
  return residual > NONDIFFERENTIABLE_RESIDUAL * slope + NOISE_UNITS * noise;
}
