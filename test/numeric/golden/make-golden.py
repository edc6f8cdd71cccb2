#!/usr/bin/python3
"""Golden values for the stable kernels (src/numeric/stable-kernels.ts), at 60 significant digits.

Run: /usr/bin/python3 test/numeric/golden/make-golden.py > test/numeric/golden/kernels.json
Uses mpmath (Debian python3-mpmath). Inputs are float64 values at the kernels' branch points
(0, subnormals, the thresholds of each method: 20, -700, -708.4 (e^x subnormal), 709/710
(e^x overflow), ...) plus a log-spaced sweep over the whole float64 range of both signs.
Expected values are printed with 40 significant digits, so parsing them rounds correctly to
float64 (including subnormals).
"""
import json
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 60

BRANCH_POINTS = [
    0.0, 5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, 1e-8, 0.1, 0.5, 1.0, 1.1924, 1.2784645427610738,
    2.0, 5.0, 10.0, 19.9, 20.0, 20.1, 30.0, 36.0, 37.0, 40.0, 100.0, 354.0, 355.0, 699.9, 700.0, 700.5, 708.0,
    708.4, 709.0, 709.7, 710.0, 720.0, 740.0, 744.0, 745.0, 745.2, 746.0, 800.0, 1e4, 1e5, 1e10, 1e300, 1.7976931348623157e308,
]


def sweep():
    values = []
    exponent = -323.0
    while exponent < 308.2:
        values.append(float(10.0 ** exponent) if exponent > -307 else float(mpf(10) ** exponent))
        exponent += 3.7
    return values


def points():
    seen = []
    for magnitude in BRANCH_POINTS + sweep():
        for x in (magnitude, -magnitude):
            if x not in seen or (x == 0 and str(x) not in [str(s) for s in seen]):
                seen.append(x)
    return seen


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def softplus(x):
    return mpmath.log1p(mpmath.exp(x)) if x < 0 else x + mpmath.log1p(mpmath.exp(-x))


def tanh_softplus(x):
    return mpmath.tanh(softplus(x))


def sech_softplus(x):
    return mpmath.sech(softplus(x))


UNARY = {
    'sigmoid': sigmoid,
    'logSigmoid': lambda x: -softplus(-x),
    'softplus': softplus,
    'tanhSoftplus': tanh_softplus,
    'sechSoftplus': sech_softplus,
    'mish': lambda x: x * tanh_softplus(x),
    'swish': lambda x: x * sigmoid(x),
}


UNDERFLOW = mpf('1e-330')  # below half the smallest subnormal (4.9e-324): rounds to ±0
OVERFLOW = mpf('1.8e308')  # beyond the largest double: rounds to ±Infinity


def text(value):
    if abs(value) < UNDERFLOW:
        return '-0' if value < 0 else '0'
    if abs(value) > OVERFLOW:
        return '-Infinity' if value < 0 else 'Infinity'
    return mpmath.nstr(value, 40, min_fixed=1, max_fixed=0)


def main():
    cases = []
    for name, f in UNARY.items():
        for x in points():
            cases.append({'kernel': name, 'args': [repr(x)], 'expected': text(f(mpf(x)))})
    for y in (0.0, 1.0, 0.5, 0.3, 1e-3, 0.999):
        for z in points():
            if abs(z) > 1e200:
                continue
            expected = mpf(y) * softplus(-mpf(z)) + (1 - mpf(y)) * softplus(mpf(z))
            cases.append({'kernel': 'bceWithLogits', 'args': [repr(z), repr(y)], 'expected': text(expected)})
    triples = [(0.0, 0.0, 0.0), (1.0, 2.0, 3.0), (0.1, -29.7, 5.3), (700.0, -700.0, 0.0), (-745.0, 0.0, 1e-300),
               (30.0, 30.0, -30.0), (1e-8, 2e-8, -1e-8), (800.0, 799.5, -3.0), (-1000.0, -1001.0, -1002.0), (5.0, 40.0, 38.5)]
    targets = [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0), (0.2, 0.3, 0.5), (0.0, 0.5, 0.5)]
    for z in triples:
        for y in targets:
            with mp.workdps(2000):  # lse(z) − zᵢ may cancel to 1e-305 of lse: work far beyond it
                zs = [mpf(v) for v in z]
                lse = mpmath.log(sum(mpmath.exp(v) for v in zs))
                expected = sum(mpf(yi) * (lse - zi) for yi, zi in zip(y, zs))
            cases.append({'kernel': 'softmaxCrossEntropy', 'args': [[repr(v) for v in z], [repr(v) for v in y]], 'expected': text(expected)})
    json.dump({'generator': 'test/numeric/golden/make-golden.py', 'mpmath': mpmath.__version__, 'dps': mp.dps, 'cases': cases}, sys.stdout, indent=0)
    sys.stdout.write('\n')


main()
