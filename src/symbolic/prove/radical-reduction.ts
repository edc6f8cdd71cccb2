/**
 * Reduction by the algebraic relations of fractional exponentials of logarithms: an atom
 * T = e^{L/q} with L = ln P satisfies T^q = P, so every power T^e with e = kq + r (0 <= r < q) is
 * replaced by P^k·T^r. This makes √(1 + e^{2x})² = 1 + e^{2x} (and √x² = x for x > 0) decidable:
 * after the reduction the representation is unique when X^q − P is irreducible.
 */
import type { CertificateStep } from './certificate.ts';
import { rationalFunctionText } from './certificate.ts';
import type { Indeterminates } from './indeterminates.ts';
import type { Polynomial } from './polynomial.ts';
import type { ProofBudget } from './proof-budget.ts';
import { constantFn, fnAdd, fnMul, fnPow, monomialFn, type RationalFunction } from './rational-function.ts';
import { ZERO } from './rational-number.ts';

/** The radical atoms of `atoms`: index, q and the P with T^q = P. */
export function radicalRelations(atoms: Indeterminates): { index: number; q: number; power: RationalFunction }[] {
  const out: { index: number; q: number; power: RationalFunction }[] = [];
  atoms.atoms.forEach((atom, index) => {
    if (atom.kind !== 'exp' || atom.q <= 1 || atom.exponent.length !== 1 || atom.exponent[0]![1] !== 1) return;
    const log = atoms.atoms[atom.exponent[0]![0]];
    if (log?.kind === 'log') out.push({ index, q: atom.q, power: log.arg });
  });
  return out;
}

/** The numerator of `p` after replacing T^q by P for every radical atom; steps say which relations were used. */
export function reduceRadicals(p: Polynomial, atoms: Indeterminates, budget: ProofBudget): { numerator: Polynomial; steps: CertificateStep[] } {
  const steps: CertificateStep[] = [];
  let current = p;
  for (const { index, q, power } of radicalRelations(atoms)) {
    let result: RationalFunction = constantFn(ZERO);
    let used = false;
    for (const term of current.values()) {
      budget.tick();
      const e = term.m.find(([i]) => i === index)?.[1] ?? 0;
      const k = Math.floor(e / q);
      if (k === 0) {
        result = fnAdd(result, monomialFn(term.m, term.c), budget);
        continue;
      }
      used = true;
      const r = e - k * q;
      const rest = term.m.filter(([i]) => i !== index).concat(r === 0 ? [] : [[index, r] as const]).sort((x, y) => x[0] - y[0]);
      result = fnAdd(result, fnMul(monomialFn(rest, term.c), fnPow(power, k, budget), budget), budget);
    }
    if (!used) continue;
    current = result.num;
    const name = atoms.name(index);
    steps.push({
      text: `reduce with ${name}^${q} = ${rationalFunctionText(power, atoms)} (${name} = (${rationalFunctionText(power, atoms)})^(1/${q}))`,
      tex: `${name.replace(/_(\d+)/, '_{$1}')}^{${q}} = ${rationalFunctionText(power, atoms, true)}`,
    });
  }
  return { numerator: current, steps };
}
