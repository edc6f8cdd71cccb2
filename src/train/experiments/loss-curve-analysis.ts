/**
 * Reading a training curve the way SEED Q2 reads its figures: the best epoch by validation loss,
 * where early stopping with a given patience stops, the train/validation gap, and whether the
 * validation loss was still falling at the end.
 */

/** One epoch of a curve: training and validation loss (the loss being trained). */
export interface CurvePoint {
  readonly epoch: number;
  readonly train: number;
  readonly validation: number;
}

/** What the curve says. */
export interface CurveReading {
  /** Epoch with the lowest validation loss (first of ties). */
  readonly bestEpoch: number;
  readonly bestValidation: number;
  /** Epoch after which early stopping (patience P, on validation loss) stops; null: it never stops. */
  readonly earlyStopEpoch: number | null;
  /** The best epoch is among the last `patience` epochs: validation loss still falling at the end. */
  readonly stillImproving: boolean;
  /** Validation − train loss at the last epoch, and at the best epoch. */
  readonly gapAtEnd: number;
  readonly gapAtBest: number;
  /** (validation − train) / train at the last epoch: the gap on a scale-free footing (BCE and MSE differ in scale). */
  readonly relativeGapAtEnd: number;
  /** Validation loss at the end minus the best: how much it rose after its minimum (overfitting). */
  readonly riseAfterBest: number;
}

/**
 * Reads `points` (epochs 1…n in order, at least one).
 * @example readCurve([{epoch:1,train:1,validation:1},{epoch:2,train:.5,validation:.8}], 3).bestEpoch // 2
 */
export function readCurve(points: readonly CurvePoint[], patience: number): CurveReading {
  let best = points[0];
  let earlyStopEpoch: number | null = null;
  for (const p of points) {
    if (p.validation < best.validation) best = p;
    if (earlyStopEpoch === null && patience > 0 && p.epoch - best.epoch >= patience) earlyStopEpoch = p.epoch;
  }
  const last = points[points.length - 1];
  return {
    bestEpoch: best.epoch,
    bestValidation: best.validation,
    earlyStopEpoch,
    stillImproving: last.epoch - best.epoch < Math.max(1, patience),
    gapAtEnd: last.validation - last.train,
    gapAtBest: best.validation - best.train,
    relativeGapAtEnd: (last.validation - last.train) / last.train,
    riseAfterBest: last.validation - best.validation,
  };
}
