#!/usr/bin/python3
"""SymPy side of bench/verify-vs-sympy.bench.ts: is simplify(a - b) == 0 for each identity?

Reads JSON [{"id", "a", "b"}] on stdin (SymPy syntax, `where` definitions already substituted),
writes JSON [{"id", "seconds", "result"}] on stdout; result is "zero", "nonzero" or "timeout".
Each identity gets TIMEOUT_S seconds (SIGALRM), the same budget for every identity.
"""
import json
import signal
import sys
import time

import sympy as sp

TIMEOUT_S = int(sys.argv[1]) if len(sys.argv) > 1 else 20
u = sp.Symbol('u')
sig = lambda v: 1 / (1 + sp.exp(-v))
sp_ = lambda v: sp.log(1 + sp.exp(v))
NAMES = {
    'sigmoid': sig, 'softplus': sp_, 'swish': lambda v: v * sig(v), 'mish': lambda v: v * sp.tanh(sp_(v)),
    'log1p': lambda v: sp.log(1 + v), 'sech': sp.sech, 'tanh': sp.tanh, 'cosh': sp.cosh, 'sinh': sp.sinh,
    'exp': sp.exp, 'log': sp.log, 'e': sp.E, 'pi': sp.pi,
}


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)
out = []
for item in json.load(sys.stdin):
    names = dict(NAMES)
    a = sp.sympify(item['a'], locals=names)
    b = sp.sympify(item['b'], locals=names)
    started = time.perf_counter()
    signal.alarm(TIMEOUT_S)
    try:
        result = 'zero' if sp.simplify(a - b) == 0 else 'nonzero'
    except Timeout:
        result = 'timeout'
    finally:
        signal.alarm(0)
    out.append({'id': item['id'], 'seconds': time.perf_counter() - started, 'result': result})
    print(json.dumps(out[-1]), file=sys.stderr, flush=True)
print(json.dumps(out))
