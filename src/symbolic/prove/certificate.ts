/**
 * Readable certificates: the steps of a proof as text and TeX, and the printing of polynomials
 * and indeterminates they need. Internal to the prover; the types are public.
 */
import type { Indeterminates } from './indeterminates.ts';
import { sortedTerms, type Monomial, type Polynomial } from './polynomial.ts';
import type { RationalFunction } from './rational-function.ts';
import { qToString, type Rational } from './rational-number.ts';

/** One step of a proof. */
export interface CertificateStep {
  readonly text: string;
  readonly tex: string;
}

/** The readable evidence of a `proved` verdict. */
export interface Certificate {
  readonly method: string;
  readonly steps: readonly CertificateStep[];
}

/** Longest polynomial printed in full in a certificate; longer ones are summarised by their size. */
const MAX_PRINTED_TERMS = 40;

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'omega', 'lambda', 'theta', 'mu', 'tau', 'kappa', 'pi', 'sigma']);

function texName(name: string): string {
  const [head, sub] = name.split('_') as [string, string | undefined];
  const h = GREEK.has(head) ? `\\${head}` : head.length > 1 ? `\\mathrm{${head}}` : head;
  return sub === undefined ? h : `${h}_{${sub}}`;
}

function monomialText(m: Monomial, atoms: Indeterminates, tex: boolean): string {
  return m
    .map(([i, e]) => {
      const n = tex ? texName(atoms.name(i)) : atoms.name(i);
      if (e === 1) return n;
      return tex ? `${n}^{${e}}` : `${n}^${e < 0 ? `(${e})` : e}`;
    })
    .join(tex ? ' ' : '*');
}

function coefficientText(c: Rational, tex: boolean): string {
  if (!tex || c.d === 1n) return qToString(c);
  return `${c.n < 0n ? '-' : ''}\\frac{${c.n < 0n ? -c.n : c.n}}{${c.d}}`;
}

/** A polynomial in the names of `atoms`, as text or TeX. */
export function polynomialText(p: Polynomial, atoms: Indeterminates, tex = false): string {
  if (p.size === 0) return '0';
  const terms = sortedTerms(p);
  if (terms.length > MAX_PRINTED_TERMS) return tex ? `\\text{(${terms.length} terms)}` : `(${terms.length} terms)`;
  let out = '';
  terms.forEach((t, k) => {
    const negative = t.c.n < 0n;
    const abs = { n: negative ? -t.c.n : t.c.n, d: t.c.d };
    const mono = monomialText(t.m, atoms, tex);
    const isOne = abs.n === 1n && abs.d === 1n;
    const body = mono === '' ? coefficientText(abs, tex) : isOne ? mono : `${coefficientText(abs, tex)}${tex ? ' ' : '*'}${mono}`;
    out += k === 0 ? `${negative ? '-' : ''}${body}` : ` ${negative ? '-' : '+'} ${body}`;
  });
  return out;
}

/** A rational function as text or TeX. */
export function rationalFunctionText(f: RationalFunction, atoms: Indeterminates, tex = false): string {
  const num = polynomialText(f.num, atoms, tex);
  const isOne = f.den.size === 1 && f.den.get('')?.c.n === 1n && f.den.get('')?.c.d === 1n;
  if (isOne) return num;
  const den = polynomialText(f.den, atoms, tex);
  return tex ? `\\frac{${num}}{${den}}` : `(${num}) / (${den})`;
}

/** "t = e^(x)", "L_1 = ln(1 + t)", "s_1 = sqrt(x) (unknown: …)" for every non-variable indeterminate. */
export function atomDefinitions(atoms: Indeterminates): CertificateStep[] {
  const out: CertificateStep[] = [];
  atoms.atoms.forEach((atom, i) => {
    const name = atoms.name(i);
    const tn = texName(name);
    switch (atom.kind) {
      case 'exp': {
        const m = monomialText(atom.exponent, atoms, false) || '1';
        const mt = monomialText(atom.exponent, atoms, true) || '1';
        const q = atom.q === 1 ? '' : `/${atom.q}`;
        out.push({ text: `let ${name} = e^(${m}${q})`, tex: `${tn} = e^{${atom.q === 1 ? mt : `${mt}/${atom.q}`}}` });
        break;
      }
      case 'exp-opaque':
        out.push({ text: `let ${name} = e^(${rationalFunctionText(atom.exponent, atoms)})`, tex: `${tn} = e^{${rationalFunctionText(atom.exponent, atoms, true)}}` });
        break;
      case 'log':
        out.push({ text: `let ${name} = ln(${rationalFunctionText(atom.arg, atoms)})`, tex: `${tn} = \\ln\\left(${rationalFunctionText(atom.arg, atoms, true)}\\right)` });
        break;
      case 'opaque':
        out.push({ text: `let ${name} stand for ${atom.node.toString()} (an unknown: ${atom.why})`, tex: `${tn} \\text{ unknown}` });
        break;
      case 'variable':
        break;
    }
  });
  return out;
}
