/**
 * ln of a positive rational as Σ e_p ln p over its prime factors, so that ln 4 = 2 ln 2 and
 * ln(1/2) = −ln 2 are recognised. Internal to the prover.
 */

/** Trial division bound: factors up to 10^6 are found; a larger cofactor is kept whole. */
const TRIAL_DIVISION_LIMIT = 1_000_000n;

/** [p, e] pairs with ln(n/d) = Σ e·ln p; p > 1 (primes, or a large cofactor kept whole). */
export function logOfPositiveRational(c: { n: bigint; d: bigint }): [bigint, number][] {
  const out = new Map<bigint, number>();
  const add = (n: bigint, sign: number) => {
    for (const [p, e] of factorInteger(n)) out.set(p, (out.get(p) ?? 0) + sign * e);
  };
  add(c.n, 1);
  add(c.d, -1);
  return [...out].filter(([, e]) => e !== 0).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function factorInteger(n: bigint): [bigint, number][] {
  const out: [bigint, number][] = [];
  for (let p = 2n; p <= TRIAL_DIVISION_LIMIT && p * p <= n; p += p === 2n ? 1n : 2n) {
    let e = 0;
    while (n % p === 0n) {
      n /= p;
      e++;
    }
    if (e > 0) out.push([p, e]);
  }
  if (n > 1n) out.push([n, 1]);
  return out;
}
