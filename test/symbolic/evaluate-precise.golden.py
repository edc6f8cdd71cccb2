#!/usr/bin/python3
"""Golden values for test/symbolic/evaluate-precise.test.ts, computed with mpmath at 80 digits.

Regenerate: /usr/bin/python3 test/symbolic/evaluate-precise.golden.py > test/symbolic/evaluate-precise.golden.json
Each case: mathjs-syntax expression, point (decimal strings), expected value (60 significant digits).
"""
import json
import mpmath as mp

mp.mp.dps = 80
sig = lambda u: 1 / (1 + mp.exp(-u))
sp = lambda u: mp.log1p(mp.exp(u))
mish = lambda u: u * mp.tanh(sp(u))
F = {
    'exp': mp.exp, 'log': mp.log, 'log1p': mp.log1p, 'sqrt': mp.sqrt, 'tanh': mp.tanh, 'sinh': mp.sinh,
    'cosh': mp.cosh, 'sech': mp.sech, 'sigmoid': sig, 'softplus': sp, 'swish': lambda u: u * sig(u), 'mish': mish,
}
CASES = [
    ('sigmoid(x)', {'x': '0'}), ('sigmoid(x)', {'x': '-40'}), ('sigmoid(x)', {'x': '3.5'}),
    ('softplus(x)', {'x': '-60'}), ('softplus(x)', {'x': '0'}), ('softplus(x)', {'x': '80'}),
    ('tanh(x)', {'x': '1e-30'}), ('tanh(x)', {'x': '-0.25'}), ('sinh(x)', {'x': '1e-25'}), ('cosh(x)', {'x': '2'}),
    ('sech(x)', {'x': '-3'}), ('log1p(x)', {'x': '1e-40'}), ('log1p(x)', {'x': '-0.75'}), ('log(x)', {'x': '2'}),
    ('exp(x)', {'x': '-100'}), ('sqrt(x)', {'x': '2'}), ('swish(x)', {'x': '-1.2784645427610738'}),
    ('mish(x)', {'x': '-1.1924'}), ('mish(x)', {'x': '-50'}), ('mish(x)', {'x': '1e-20'}), ('mish(x)/x', {'x': '1e-20'}),
    ('x^y', {'x': '2', 'y': '0.5'}), ('e^x', {'x': '1'}), ('pi', {}),
]
def ev(text, point):
    env = {k: mp.mpf(v) for k, v in point.items()}
    env.update(F)
    env['e'] = mp.e
    env['pi'] = mp.pi
    return eval(text.replace('^', '**'), {'__builtins__': {}}, env)
out = [{'expression': t, 'point': p, 'expected': mp.nstr(ev(t, p), 60, strip_zeros=False, min_fixed=-1, max_fixed=-1)} for t, p in CASES]
print(json.dumps(out, indent=1))
