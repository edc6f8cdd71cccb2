#!/usr/bin/python3
"""Golden minima of Swish and Mish for test/symbolic/claims/evaluate-claims.test.ts (mpmath, 60 digits).

Regenerate: /usr/bin/python3 test/symbolic/claims/minima.golden.py > test/symbolic/claims/minima.golden.json
"""
import json
import mpmath as mp

mp.mp.dps = 60
swish = lambda x: x / (1 + mp.exp(-x))
mish = lambda x: x * mp.tanh(mp.log1p(mp.exp(x)))
out = {}
for name, f in (('swish', swish), ('mish', mish)):
    at = mp.findroot(lambda x: mp.diff(f, x), -1.2)
    out[name] = {'at': mp.nstr(at, 50), 'value': mp.nstr(f(at), 50)}
out['lambertW_1_over_e'] = mp.nstr(mp.lambertw(mp.exp(-1)).real, 50)
print(json.dumps(out, indent=1))
