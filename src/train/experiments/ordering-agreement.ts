/**
 * How far a measured ordering agrees with a claimed one: pairwise agreement and Kendall's τ.
 */

/** Agreement of a measured ordering with a claimed one over the items both contain. */
export interface OrderingAgreement {
  /** The claimed order (restricted to measured items), best first. */
  readonly claimed: readonly string[];
  /** The measured order of the same items, best first. */
  readonly measured: readonly string[];
  /** Pairs ordered the same way / all pairs. */
  readonly pairsAgreeing: number;
  readonly pairs: number;
  /** Kendall's τ = (agreeing − disagreeing) / pairs, in [−1, 1]; NaN with fewer than two items. */
  readonly kendallTau: number;
  /** True when the two orders are identical. */
  readonly identical: boolean;
}

/**
 * Compares `claimed` (ids, best first) with the order `score` gives (smaller is better when
 * `smallerIsBetter`); ids without a finite score are left out. Ties count as disagreeing.
 * @example orderingAgreement(['a', 'b'], { a: 1, b: 2 }, true).identical // true
 */
export function orderingAgreement(claimed: readonly string[], score: Readonly<Record<string, number>>, smallerIsBetter: boolean): OrderingAgreement {
  const present = claimed.filter((id) => Number.isFinite(score[id]));
  const better = (a: string, b: string) => (smallerIsBetter ? score[a] < score[b] : score[a] > score[b]);
  const measured = [...present].sort((a, b) => (smallerIsBetter ? score[a] - score[b] : score[b] - score[a]));
  let agreeing = 0;
  let pairs = 0;
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      pairs++;
      if (better(present[i], present[j])) agreeing++;
    }
  }
  return {
    claimed: present,
    measured,
    pairsAgreeing: agreeing,
    pairs,
    kendallTau: pairs === 0 ? Number.NaN : (2 * agreeing - pairs) / pairs,
    identical: present.every((id, k) => measured[k] === id),
  };
}
