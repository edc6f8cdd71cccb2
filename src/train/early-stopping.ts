/**
 * Early stopping on validation loss with patience (Keras's `EarlyStopping(monitor='val_loss')`
 * semantics: stop after `patience` epochs in a row without a strictly lower validation loss).
 * Restoring the best weights is done by the trainer from the best checkpoint.
 */

/** The early-stopping part of a run's state. */
export interface EarlyStoppingState {
  bestEpoch: number | null;
  bestValLoss: number | null;
  /** Epochs since the best one. */
  wait: number;
  stoppedEarly: boolean;
}

/**
 * Updates `state` with the validation loss of `epoch`; returns true when it is the best so far.
 * `patience` 0 disables stopping (the best epoch is still tracked).
 */
export function recordValidationLoss(state: EarlyStoppingState, epoch: number, valLoss: number, patience: number): boolean {
  const improved = state.bestValLoss === null || valLoss < state.bestValLoss;
  if (improved) {
    state.bestEpoch = epoch;
    state.bestValLoss = valLoss;
    state.wait = 0;
  } else {
    state.wait += 1;
    if (patience > 0 && state.wait >= patience) state.stoppedEarly = true;
  }
  return improved;
}
