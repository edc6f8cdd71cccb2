/**
 * The time and size budget of one proof attempt, so that any input ends in a verdict or
 * `undecided` quickly instead of a hang. Internal to the prover.
 */

/** Default time budget of {@link prove}: 1.5 s, so that `check` answers within 2 s overall. */
export const DEFAULT_TIME_BUDGET_MS = 1500;

/** Most terms one polynomial may hold: the source document's largest identity needs < 200. */
export const MAX_POLYNOMIAL_TERMS = 20_000;

/** Largest |exponent| of one indeterminate in a monomial (e^{1000x} = t^{1000} is fine; more is hostile). */
export const MAX_MONOMIAL_DEGREE = 4096;

/** Thrown inside the prover when the budget is spent; turned into `undecided` by `prove`. */
export class BudgetExceeded extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BudgetExceeded';
  }
}

/** A deadline plus size limits, checked by the polynomial arithmetic as it works. */
export class ProofBudget {
  private readonly deadline: number;
  private ticks = 0;

  constructor(readonly timeBudgetMs: number = DEFAULT_TIME_BUDGET_MS) {
    this.deadline = Date.now() + timeBudgetMs;
  }

  /** Milliseconds left (may be negative). */
  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** Throws {@link BudgetExceeded} when the deadline has passed (checks the clock every 256 calls). */
  tick(): void {
    if ((++this.ticks & 255) === 0 && Date.now() > this.deadline) {
      throw new BudgetExceeded(`time budget of ${this.timeBudgetMs} ms spent`);
    }
  }

  /** Throws when a polynomial grew past {@link MAX_POLYNOMIAL_TERMS}. */
  checkTerms(count: number): void {
    if (count > MAX_POLYNOMIAL_TERMS) throw new BudgetExceeded(`a polynomial grew past ${MAX_POLYNOMIAL_TERMS} terms`);
  }

  /** Throws when an exponent grew past {@link MAX_MONOMIAL_DEGREE}. */
  checkDegree(exponent: number): void {
    if (Math.abs(exponent) > MAX_MONOMIAL_DEGREE) throw new BudgetExceeded(`an exponent grew past ${MAX_MONOMIAL_DEGREE}`);
  }
}
