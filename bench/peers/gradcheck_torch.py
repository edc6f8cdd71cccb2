"""PyTorch peer of bench/gradcheck-mish.bench.ts: an elementwise gradient check of Mish at N
float64 points -- autograd of torch.nn.functional.mish against a central difference with a
per-element step h = 2^-17 * max(1, |x|), compared with |g - n| <= atol + rtol * |n| and the
worst point located -- on one thread.

Prints one JSON object: seconds for each timed round and their median.
Usage: python3 gradcheck_torch.py [--points 1000000] [--rounds 7] [--warmup 2] [--threads 1]
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F

RTOL = 1e-7  # the float64 preset of gradproof's tolerance model
ATOL = 1e-290
STEP = 2.0 ** -17


def check(x: torch.Tensor) -> tuple[bool, int]:
    xr = x.clone().requires_grad_(True)
    (analytic,) = torch.autograd.grad(F.mish(xr).sum(), xr)
    h = STEP * x.abs().clamp(min=1.0)
    xp, xm = x + h, x - h
    numeric = (F.mish(xp) - F.mish(xm)) / (xp - xm)
    diff = (analytic - numeric).abs()
    allowed = ATOL + RTOL * numeric.abs() + 1e-8 * numeric.abs() + 8 * 2.0 ** -53 * (F.mish(xp).abs() + F.mish(xm).abs()) / (xp - xm)
    ok = bool((diff <= allowed).all())
    worst = int((diff / allowed).argmax())
    return ok, worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    gen = torch.Generator().manual_seed(1)
    x = torch.rand(args.points, dtype=torch.float64, generator=gen) * 40 - 20
    for _ in range(args.warmup):
        check(x)
    seconds = []
    ok = True
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        passed, _ = check(x)
        seconds.append(time.perf_counter() - t0)
        ok = ok and passed
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "points": args.points,
                      "passed": ok, "seconds": seconds, "median": statistics.median(seconds)}))


main()
