/** Exit statuses of every gradproof command (ARCHITECTURE.md, "The command-line contract"). */
export const EXIT = {
  /** Success, verified, equivalent. */
  ok: 0,
  /** A check failed: refuted, not equivalent, gradient mismatch. */
  failed: 1,
  /** Bad usage or bad input, with a message naming the problem and its position. */
  usage: 2,
  /** Undecided. */
  undecided: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
