/**
 * The rewriting rules of the exp/log normal form, as data: each with the identity it applies and
 * the condition under which it holds. The normaliser (`exp-log-normal-form.ts`) records which
 * ones it used; the certificate lists them. Registered functions (tanh, sigmoid, softplus, …) are
 * rewritten by their own `expand` rule from `function-rules.ts`.
 */

/** One rewriting rule of the normal form. */
export interface ExpLogRule {
  readonly id: string;
  /** The identity, in text. */
  readonly identity: string;
  /** The identity, in TeX. */
  readonly tex: string;
  /** Where it holds. */
  readonly holds: string;
}

export const EXP_LOG_RULES = {
  ePower: { id: 'e-power', identity: 'e^u = exp(u)', tex: 'e^{u} = \\exp(u)', holds: 'always' },
  expSum: { id: 'exp-sum', identity: 'exp(u + v) = exp(u)·exp(v)', tex: 'e^{u+v} = e^{u}e^{v}', holds: 'always' },
  expMultiple: {
    id: 'exp-multiple', identity: 'exp((k/q)·m) = t^k with t = exp(m/q), one t per monomial m of the exponents',
    tex: 'e^{\\frac{k}{q} m} = t^{k},\\ t = e^{m/q}', holds: 'always (k integer)',
  },
  expLog: { id: 'exp-log', identity: 'exp(n·ln P) = P^n', tex: 'e^{n \\ln P} = P^{n}', holds: 'n integer, where ln P is defined' },
  logExp: { id: 'log-exp', identity: 'ln(exp(u)) = u', tex: '\\ln e^{u} = u', holds: 'u real' },
  logProduct: {
    id: 'log-product', identity: 'ln(c·Π f_i^{k_i}) = ln c + Σ k_i ln f_i',
    tex: '\\ln\\bigl(c \\prod f_i^{k_i}\\bigr) = \\ln c + \\sum k_i \\ln f_i', holds: 'c > 0 and every f_i > 0 (positive coefficients in positive indeterminates)',
  },
  powerExp: { id: 'power-exp', identity: 'u^v = exp(v·ln u)', tex: 'u^{v} = e^{v \\ln u}', holds: 'u > 0' },
  opaque: {
    id: 'opaque', identity: 'a subexpression outside the exp/log fragment is an unknown s', tex: 's_i',
    holds: 'always (a proof with unknowns holds for every value of them; a failure proves nothing)',
  },
} as const satisfies Record<string, ExpLogRule>;
