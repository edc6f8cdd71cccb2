/**
 * The words of gradproof's LaTeX grammar, as data: which commands name functions, which are
 * Greek letters, which only change spacing or style (and are dropped), which wrap a name
 * (`\operatorname{sech}`), which Unicode characters students paste and what they mean.
 *
 * Internal to the LaTeX parser.
 */

/** Greek letters (TeX command -> symbol name). Variants map to the plain letter. */
export const GREEK_LETTERS: ReadonlyMap<string, string> = new Map([
  ...['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'rho', 'sigma', 'tau',
    'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega']
    .map((g) => [g, g] as [string, string]),
  ['varepsilon', 'epsilon'], ['vartheta', 'theta'], ['varphi', 'phi'], ['varrho', 'rho'], ['varsigma', 'sigma'], ['varkappa', 'kappa'],
]);

/** Commands that denote a function applied to what follows (`\ln x`, `\tanh(x)`), as written. */
export const FUNCTION_COMMANDS: ReadonlySet<string> = new Set([
  'exp', 'ln', 'log', 'lg', 'tanh', 'sinh', 'cosh', 'coth', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan',
  'max', 'min', 'sgn', 'det', 'arg', 'sup', 'inf', 'lim',
]);

/**
 * Single letters that name a function when a parenthesis follows them: `H(x)` is the Heaviside
 * step, as piecewise derivatives are written (ReLU′(x) = H(x)); `H x` and `H` alone stay a
 * symbol. Also for `\operatorname{H}(x)` and `\mathrm{H}(x)`.
 */
export const LETTER_FUNCTIONS: ReadonlyMap<string, string> = new Map([['H', 'heaviside']]);

/** Commands that take a braced name: `\operatorname{softplus}`, `\text{Swish}`, `\mathrm{e}`. */
export const NAME_COMMANDS: ReadonlySet<string> = new Set([
  'operatorname', 'operatorname*', 'mathrm', 'text', 'textrm', 'textit', 'textnormal', 'mathit', 'mathsf', 'textsf', 'mathbf',
  'textbf', 'boldsymbol', 'mathnormal', 'operatornamewithlimits',
]);

/** Fraction commands: all mean a / b. */
export const FRACTION_COMMANDS: ReadonlySet<string> = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);

/** Explicit multiplication operators (besides `*`). */
export const TIMES_COMMANDS: ReadonlySet<string> = new Set(['cdot', 'times', 'ast', 'cdotp', 'bullet']);

/** Commands that only change spacing or style; the tokenizer drops them. `\,` etc. are symbols. */
export const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
  ',', ';', ':', '!', ' ', '>', 'quad', 'qquad', 'thinspace', 'medspace', 'thickspace', 'negthinspace', 'enspace',
  'displaystyle', 'textstyle', 'scriptstyle', 'scriptscriptstyle', 'limits', 'nolimits',
]);

/** Size prefixes of delimiters (`\bigl(`, `\Big|`), dropped before the delimiter they size. */
export const DELIMITER_SIZES: ReadonlySet<string> = new Set([
  'big', 'Big', 'bigg', 'Bigg', 'bigl', 'Bigl', 'biggl', 'Biggl', 'bigr', 'Bigr', 'biggr', 'Biggr', 'bigm', 'Bigm',
]);

/** Opening delimiter (as a token value) -> the closing one that matches it. */
export const OPENING_DELIMITERS: ReadonlyMap<string, string> = new Map([
  ['(', ')'], ['[', ']'], ['\\{', '\\}'], ['\\lbrace', '\\rbrace'], ['\\lparen', '\\rparen'], ['\\lbrack', '\\rbrack'],
]);

/** Delimiters that mean absolute value when used with `\left … \right`. */
export const BAR_DELIMITERS: ReadonlySet<string> = new Set(['|', '\\vert', '\\lvert', '\\rvert']);

/** Unicode characters students paste, rewritten to the token they stand for. */
export const UNICODE_TOKENS: ReadonlyMap<string, string> = new Map([
  ['·', '\\cdot'], ['⋅', '\\cdot'], ['×', '\\times'], ['−', '-'], ['–', '-'], ['∗', '*'], ['÷', '/'], ['√', '\\sqrt'],
  ['∞', '\\infty'], ['π', '\\pi'], ['ℯ', 'e'],
  ['α', '\\alpha'], ['β', '\\beta'], ['γ', '\\gamma'], ['δ', '\\delta'], ['ε', '\\epsilon'], ['ϵ', '\\epsilon'], ['ζ', '\\zeta'],
  ['η', '\\eta'], ['θ', '\\theta'], ['κ', '\\kappa'], ['λ', '\\lambda'], ['μ', '\\mu'], ['ν', '\\nu'], ['ξ', '\\xi'], ['ρ', '\\rho'],
  ['σ', '\\sigma'], ['τ', '\\tau'], ['φ', '\\phi'], ['ϕ', '\\phi'], ['χ', '\\chi'], ['ψ', '\\psi'], ['ω', '\\omega'],
  ['Γ', '\\Gamma'], ['Δ', '\\Delta'], ['Θ', '\\Theta'], ['Λ', '\\Lambda'], ['Σ', '\\Sigma'], ['Φ', '\\Phi'], ['Ψ', '\\Psi'], ['Ω', '\\Omega'],
]);

/** Superscript digits students paste (x²), as the digit they raise to. */
export const UNICODE_SUPERSCRIPTS: ReadonlyMap<string, string> = new Map([
  ['⁰', '0'], ['¹', '1'], ['²', '2'], ['³', '3'], ['⁴', '4'], ['⁵', '5'], ['⁶', '6'], ['⁷', '7'], ['⁸', '8'], ['⁹', '9'],
]);

/** Why a construct is refused, for constructs students plausibly write. */
export const REFUSED_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['infty', 'infinity is not a value'],
  ['sum', 'sums are not supported'],
  ['prod', 'products (∏) are not supported'],
  ['int', 'integrals are not supported'],
  ['partial', 'derivative notation is not supported: write the derivative itself'],
  ['nabla', 'derivative notation is not supported: write the derivative itself'],
  ['prime', "primes (f') are not supported: write the derivative itself"],
  ['begin', 'environments (\\begin…\\end) are not supported'],
  ['end', 'environments (\\begin…\\end) are not supported'],
  ['\\', 'line breaks (\\\\) are not supported'],
  ['def', 'macro definitions are not allowed'],
  ['newcommand', 'macro definitions are not allowed'],
  ['renewcommand', 'macro definitions are not allowed'],
  ['input', 'file inclusion is not allowed'],
  ['include', 'file inclusion is not allowed'],
  ['href', 'links are not allowed'],
  ['url', 'links are not allowed'],
]);
