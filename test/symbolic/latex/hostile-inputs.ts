/**
 * Hand-written hostile and malformed answers: nesting, towers, huge numbers, injection attempts,
 * TeX that KaTeX would refuse, control characters. Shared by the corpus test and the benchmark.
 */
const deep = (open: string, close: string, n: number, inner = 'x') => open.repeat(n) + inner + close.repeat(n);

export const HOSTILE_INPUTS: readonly string[] = [
  '', ' ', '\t\n', '\\', '\\\\', '{', '}', '{}', '()', '[]', '||', '|', '^', '_', '^^', '__', 'x^', 'x_', '^x', '_x',
  deep('{', '}', 5000), deep('(', ')', 5000), deep('\\left(', '\\right)', 2000), deep('|', '|', 3000), deep('\\sqrt{', '}', 3000),
  deep('\\frac{', '}{x}', 2000), deep('e^{', '}', 2000), 'e^{e^{e^{e^{e^x}}}}', 'x^{x^{x^{x}}}', '\\exp(\\exp(\\exp(\\exp(x))))',
  '2^{2^{2^{2^{2}}}}', 'x^{99999999}', 'x^{-100000}', '9'.repeat(400), `0.${'0'.repeat(500)}1`, '1e308', '1e309x',
  '-'.repeat(9000) + 'x', '+'.repeat(9000) + 'x', 'x'.repeat(9999), 'x+'.repeat(4999) + 'x', 'x'.repeat(10_001), '\\,'.repeat(4000),
  '\\frac', '\\frac{', '\\frac{x}', '\\frac{x}{', '\\sqrt', '\\sqrt[', '\\sqrt[3', '\\sqrt[3]', '\\left', '\\left(', '\\right)', '\\left( x \\right',
  '\\left( x \\right.', '\\left. x \\right|_{0}', '\\operatorname', '\\operatorname{', '\\operatorname{}', '\\operatorname{sech', '\\text{}(x)',
  '\\text{and}', '\\text{ }', '\\text{x y}', '\\mathrm{e}^{}', '\\ln', '\\ln()', '\\ln(,)', '\\max(0,)', '\\max(,x)', '\\max(0,x,1)', '\\sigma()',
  '\\sigma^', '\\tanh^', '\\tanh^{-1}(x)', '\\log_', '\\log_{}x', '\\log_2', 'x_{\\frac{1}{2}}', 'x_{' + 'a'.repeat(100) + '}',
  '\\def\\x{1}', '\\newcommand{\\f}{x}', '\\input{/etc/passwd}', '\\include{x}', '\\href{javascript:alert(1)}{x}', '\\url{http://x}',
  '\\begin{pmatrix}1\\end{pmatrix}', '\\\\ x', 'x & y', '\\sum_{i=1}^n x_i', '\\int_0^1 x dx', '\\frac{d}{dx} x', '\\partial x', "f'(x)", 'x!',
  'x = y', 'x < y', 'x \\leq y', 'x \\to \\infty', '\\lim_{x \\to 0} x', '\\infty', '-\\infty', '\\nabla f', '\\vec{x}', '\\hat{x}',
  'import("fs")', 'evaluate("1+1")', 'import(x)', 'x.constructor', 'constructor(x)', '__proto__', 'x["a"]', 'f(x) = x', 'a ? b : c', '1:10',
  '[1,2,3]', '{a: 1}', 'x; y', 'x\u0000y', '\u202ex', 'x\u200by', '\ud800', '😀', '∫x', '∑', 'x ≤ y', '$', '$$', '$x', 'x$', '\\(', '\\[x',
  '%comment', 'x % y', '#', '@', '`x`', '"x"', "'x'", 'x\\', '\\ x', '\\;', '\\!', '\\quad', '~', '\\big', '\\bigl', '\\bigl(x', '\\Big|x',
  '\\left\\{ x', '\\{ x \\}', '\\lbrace x \\rbrace', '\\lvert x', '| x |  | y', '|x||y|', '||x||', '|-|', '\\cdot x', 'x \\cdot', 'x \\times \\times y',
  '*x', 'x*', '/x', 'x/', 'x//y', '\\div', '2..3', '.', '..', '1.2.3', '0x1F', 'NaN', 'Infinity', 'undefined', 'null', 'true',
  'sin(x)', 'eval(x)', 'Function("return 1")()', 'process.exit(1)', 'require("fs")', 'this', 'globalThis', 'x.y', 'a[0]',
  '\\sigma(\\sigma(\\sigma(\\sigma(\\sigma(\\sigma(\\sigma(\\sigma(x))))))))', deep('\\sigma(', ')', 200), deep('\\tanh(', ')', 200),
  '\\frac12 3', '\\frac\\frac12', '\\sqrt[\\sqrt[2]{2}]{x}', '\\sqrt[0]{x}', 'x^{0.5^{0.5^{0.5^{0.5}}}}', '\\ln^{99}(x)', '\\sigma^{2}', '\\max\\{0, x\\}',
  'a_{b_{c}}', '\\mathrm{\\frac{1}{2}}', '\\text{\\x}', '\\operatorname{exp}(x)^{-1}', '0^0', '\\frac{1}{0}', 'x^{-2}', '\\left[x\\right)',
  '\\operatorname{sech}^{2}', '\\operatorname{sech}^{2}()', 'x^{2}_{1}', 'x_1^2', 'x_{1}^{2}^{3}', '{x}^{2}^{3}', 'e^', 'e^{', 'e^{}',
];
