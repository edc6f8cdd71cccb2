import { describe, expect, it } from 'vitest';
import { isGradproofError, parseExpression, parseLatex, toTex } from '../../../src/symbolic/index.ts';

/** The LaTeX parse of `tex`, printed the way mathjs prints the text parse of `text`. */
const same = (tex: string, text: string) => expect(parseLatex(tex).toString(), tex).toBe(parseExpression(text).toString());

function errorOf(tex: string): { code: string; message: string; offset: number | undefined } {
  try {
    parseLatex(tex);
  } catch (error) {
    if (!isGradproofError(error)) throw error;
    return { code: error.code, message: error.message, offset: error.position?.offset };
  }
  throw new Error(`expected ${tex} to be refused`);
}

describe('parseLatex: each construct of issue 5', () => {
  it('\\frac, \\dfrac, \\tfrac, \\cfrac and single-token arguments', () => {
    same('\\frac{x}{1+x}', 'x / (1 + x)');
    same('\\dfrac{a}{b}', 'a / b');
    same('\\tfrac{1}{2}', '1 / 2');
    same('\\cfrac{1}{x}', '1 / x');
    same('\\frac12', '1 / 2');
    same('\\frac{\\frac{1}{x}}{y}', '(1 / x) / y');
  });

  it('\\cdot, \\times, *, / and \\div', () => {
    same('a \\cdot b', 'a * b');
    same('a \\times b', 'a * b');
    same('a * b / c', 'a * b / c');
    same('a \\div b', 'a / b');
    same('2 \\cdot -x', '2 * -x');
  });

  it('\\left( \\right), \\left[ \\right], \\left\\{ \\right\\}, \\bigl( \\bigr), [ ] and braces', () => {
    same('\\left( x + 1 \\right) y', '(x + 1) * y');
    same('\\left[ x + 1 \\right]^2', '(x + 1)^2');
    same('\\left\\{ x + 1 \\right\\}', 'x + 1');
    same('\\bigl( x + 1 \\bigr) y', '(x + 1) * y');
    same('\\Big( x \\Big)', 'x');
    same('[x+1](x-1)', '(x + 1) * (x - 1)');
    same('{x+1}y', '(x + 1) * y');
  });

  it('implicit multiplication, including x(4x+6) as a product', () => {
    same('2x', '2 * x');
    same('x(4x+6)', 'x * (4 * x + 6)');
    same('4(x+1)', '4 * (x + 1)');
    same('(x+1)(x-1)', '(x + 1) * (x - 1)');
    same('2 x y', '2 * x * y');
  });

  it('e^{x}, e^x, e^-x, \\exp and \\mathrm{e}', () => {
    same('e^{x}', 'exp(x)');
    same('e^x', 'exp(x)');
    same('e^{-x}', 'exp(-x)');
    same('e^-x', 'exp(-x)');
    same('\\exp(x)', 'exp(x)');
    same('\\exp x', 'exp(x)');
    same('\\exp\\left(2x\\right)', 'exp(2 * x)');
    same('\\mathrm{e}^{2x}', 'exp(2 * x)');
    same('e', 'e');
  });

  it('\\ln, \\log (natural), \\log_b, \\lg', () => {
    same('\\ln(1+e^x)', 'log(1 + exp(x))');
    same('\\ln x', 'log(x)');
    same('\\ln 2x', 'log(2 * x)');
    same('\\log(a)', 'log(a)');
    same('\\log_2 x', 'log(x) / log(2)');
    same('\\log_{10}(x)', 'log(x) / log(10)');
    same('\\lg x', 'log(x) / log(10)');
  });

  it('H(x) is the Heaviside step (as piecewise derivatives are written); H alone or H x is a symbol', () => {
    same('H(x)', 'heaviside(x)');
    same('H\\left(x-1\\right)', 'heaviside(x - 1)');
    same('\\operatorname{H}(x)', 'heaviside(x)');
    same('\\mathrm{H}(2x)', 'heaviside(2 * x)');
    same('x H(x) + (1-H(x))', 'x * heaviside(x) + (1 - heaviside(x))');
    same('H', 'H');
    same('H x', 'H * x');
    same('h(x)', 'h * x');
    same('\\operatorname{H} x', 'H * x');
    // A `where` that defines H as a function of its own keeps it.
    expect(parseLatex('H(x)', { functionSymbols: new Map([['H', ['x']]]) }).toString()).toBe('H');
  });

  it('\\sigma(x) is the sigmoid; \\sigma alone is a symbol', () => {
    same('\\sigma(x)', 'sigmoid(x)');
    same('\\sigma\\left(\\beta x\\right)', 'sigmoid(beta * x)');
    same('\\sigma^2(x)', 'sigmoid(x)^2');
    same('\\sigma x', 'sigma * x');
    same('\\sigma', 'sigma');
  });

  it('\\tanh, \\sinh, \\cosh, powers of functions', () => {
    same('\\tanh(x)', 'tanh(x)');
    same('\\tanh x', 'tanh(x)');
    same('\\tanh^2(x)', 'tanh(x)^2');
    same('\\tanh^{2}\\left(x\\right)', 'tanh(x)^2');
    same('\\sinh(x) + \\cosh(x)', 'sinh(x) + cosh(x)');
    same('\\tanh(x)^2', 'tanh(x)^2');
  });

  it('\\operatorname{sech}, \\operatorname{softplus}, \\text{Swish}, \\mathrm{Mish}, \\operatorname{ReLU}', () => {
    same('\\operatorname{sech}^2(x)', 'sech(x)^2');
    same('\\operatorname{softplus}(x)', 'softplus(x)');
    same('\\text{Swish}(x)', 'swish(x)');
    same('\\mathrm{Mish}(x)', 'mish(x)');
    same('\\operatorname{ReLU}(x)', 'relu(x)');
    same('\\operatorname{SiLU}(x)', 'swish(x)');
    same('\\operatorname*{sech}(x)', 'sech(x)');
  });

  it('function names written without a backslash', () => {
    same('ln(x)', 'log(x)');
    same('sech^2(x)', 'sech(x)^2');
    same('softplus(x)', 'softplus(x)');
    same('exp(x)', 'exp(x)');
  });

  it('\\sqrt and \\sqrt[n]', () => {
    same('\\sqrt{x^2+1}', 'sqrt(x^2 + 1)');
    same('\\sqrt x', 'sqrt(x)');
    same('\\sqrt[2]{x}', 'sqrt(x)');
    same('\\sqrt[3]{x}', 'x^(1/3)');
  });

  it('|x|, \\left| \\right|, \\lvert \\rvert', () => {
    same('|x|', 'abs(x)');
    same('|x - 1| + |x|', 'abs(x - 1) + abs(x)');
    same('\\left|x\\right|', 'abs(x)');
    same('\\left\\lvert x \\right\\rvert', 'abs(x)');
    same('2|x|', '2 * abs(x)');
  });

  it('\\max(0,x), \\min, \\max\\left(0, x\\right)', () => {
    same('\\max(0,x)', 'max(0, x)');
    same('\\max\\left(0, x\\right)', 'max(0, x)');
    same('\\min(x, 1)', 'min(x, 1)');
  });

  it('Greek parameters and their variants', () => {
    same('\\alpha x', 'alpha * x');
    same('2x\\sigma(\\beta x)', '2 * x * sigmoid(beta * x)');
    same('\\varepsilon + \\lambda', 'epsilon + lambda');
    same('\\omega\\delta', 'omega * delta');
    same('\\Delta', 'Delta');
  });

  it('subscripts: x_1, \\beta_{2}, a_{\\text{out}}, y_{i}', () => {
    same('x_1 + x_{2}', 'x_1 + x_2');
    same('\\beta_{2} x', 'beta_2 * x');
    same('a_{\\text{out}}', 'a_out');
    same('y_{i}', 'y_i');
  });

  it('spacing \\, \\; \\! \\quad ~ and \\displaystyle are ignored', () => {
    same('x\\,\\sigma(x)', 'x * sigmoid(x)');
    same('\\displaystyle a \\; b \\quad c \\! d ~ e', 'a * b * c * d * e');
  });

  it('numbers: decimals, digit runs, unary signs', () => {
    same('0.25', '0.25');
    same('.5x', '0.5 * x');
    same('-x^2', '-(x^2)');
    same('+x', 'x');
    same('1 - -x', '1 - -x');
  });

  it('math delimiters and pasted Unicode', () => {
    same('$x^2$', 'x^2');
    same('$$\\frac{1}{x}$$', '1 / x');
    same('\\(x\\)', 'x');
    same('σ(x)·x', 'sigmoid(x) * x');
    same('x² − 1', 'x^2 - 1');
    same('β × x', 'beta * x');
  });

  it('\\Delta(x) reads as the where-symbol Δ when declared as a function symbol', () => {
    const node = parseLatex('\\text{Swish}(x)\\Delta(x)', { functionSymbols: new Map([['Delta', ['x']]]) });
    expect(node.toString()).toBe('swish(x) * Delta');
    expect(parseLatex('\\Delta(x)').toString()).toBe('Delta * x');
  });

  it('the source document formulas', () => {
    same('\\frac{e^x\\omega}{\\delta^2}', 'exp(x) * omega / delta^2');
    same('4(x+1)+4e^{2x}+e^{3x}+e^x(4x+6)', '4 * (x + 1) + 4 * exp(2 * x) + exp(3 * x) + exp(x) * (4 * x + 6)');
    same('\\tanh(\\ln(1+e^x)) + x\\operatorname{sech}^2(\\ln(1+e^x))\\frac{e^x}{e^x+1}',
      'tanh(log(1 + exp(x))) + x * sech(log(1 + exp(x)))^2 * exp(x) / (exp(x) + 1)');
    same('-y\\log(a) - (1-y)\\log(1-a)', '-y * log(a) - (1 - y) * log(1 - a)');
  });

  it('TeX of the parse renders and reparses to the same tree', () => {
    for (const tex of ['\\frac{x}{1+e^{-x}}', '\\sigma(x)(1-\\sigma(x))', '\\operatorname{sech}^2(\\operatorname{softplus}(x))', '|x|+\\max(0,x)']) {
      const node = parseLatex(tex);
      expect(parseLatex(toTex(node)).toString(), tex).toBe(node.toString());
    }
  });
});

describe('parseLatex: refusals name the problem and its position', () => {
  const cases: [string, string, number, RegExp][] = [
    ['', 'GP_PARSE', 0, /empty formula/],
    ['x +', 'GP_PARSE', 3, /expected an operand/],
    ['(x', 'GP_PARSE', 2, /unclosed '\('/],
    ['x)', 'GP_PARSE', 1, /unexpected '\)'/],
    ['\\frac{1}', 'GP_PARSE', 8, /missing argument/],
    ['\\sin(x)', 'GP_INPUT', 0, /unsupported function \\sin/],
    ['\\foo', 'GP_INPUT', 0, /unsupported command \\foo/],
    ['x = 1', 'GP_INPUT', 2, /an equation/],
    ['x!', 'GP_INPUT', 1, /factorial/],
    ["f'(x)", 'GP_INPUT', 1, /prime/],
    ['e^{e^{e^{e^x}}}', 'GP_LIMIT', 11, /exponent tower/],
    ['x^2^3', 'GP_PARSE', 3, /double superscript/],
    ['|x', 'GP_PARSE', 2, /unclosed '\|'/],
    ['\\left( x', 'GP_PARSE', 8, /expected \\right/],
    ['\\operatorname{foo}(x)', 'GP_INPUT', 0, /unknown function 'foo'/],
    ['\\infty', 'GP_INPUT', 0, /infinity/],
    ['\\', 'GP_PARSE', 0, /lone/],
    ['x @ y', 'GP_PARSE', 2, /unexpected '@'/],
    ['\\max(1)', 'GP_INPUT', 0, /2 arguments/],
    ['x^{100}', 'GP_LIMIT', 1, /exponent 100/],
    ['\\tanh^{-1}(x)', 'GP_INPUT', 5, /inverse function/],
    ['\\left. x \\right|', 'GP_INPUT', 5, /evaluation bar/],
    ['x_{}', 'GP_PARSE', 1, /empty subscript/],
    ['\\begin{cases} x \\end{cases}', 'GP_INPUT', 0, /environments/],
    ['x ∫ y', 'GP_PARSE', 2, /unexpected character/],
    ['\\frac{d}{dx}(x^2)', 'GP_INPUT', 0, /derivative notation/],
    ['\\frac{\\mathrm{d}}{\\mathrm{d}x} x', 'GP_INPUT', 0, /derivative notation/],
  ];
  for (const [tex, code, offset, pattern] of cases) {
    it(`${JSON.stringify(tex)} -> ${code} at ${offset}`, () => {
      const e = errorOf(tex);
      expect(e.code).toBe(code);
      expect(e.offset).toBe(offset);
      expect(e.message).toMatch(pattern);
      expect(e.message).toMatch(new RegExp(`\\(at position ${offset}\\)$`));
    });
  }

  it('limits: length, depth, size', () => {
    expect(errorOf('x+'.repeat(6000) + 'x')).toMatchObject({ code: 'GP_LIMIT', offset: 10_000 });
    expect(errorOf('{'.repeat(100) + 'x' + '}'.repeat(100))).toMatchObject({ code: 'GP_LIMIT' });
    expect(errorOf('x+'.repeat(100) + 'x').message).toMatch(/nested too deeply/);
    expect(errorOf('(x+1)'.repeat(1500)).code).toBe('GP_LIMIT');
  });
});
