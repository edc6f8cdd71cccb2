#!/usr/bin/env python3
"""Side-by-side summary of the two JSON-lines logs of run-on-gpu.sh (gradproof webgpu vs PyTorch).

For each Q3 configuration: the steady epoch (the last one; the first includes shader compilation
and cuDNN autotuning) as seconds per full epoch and img/s, and the ratio webgpu time / PyTorch
time; then the median over configurations and the target (within 2x). A partial epoch (stopped by
--budget-s) is converted to a full-epoch time from its img/s and marked with '*'.

Usage: python3 compare.py pytorch.jsonl webgpu.jsonl
"""
import json
import statistics
import sys

TARGET_RATIO = 2.0  # issue 9: webgpu within 2x of PyTorch's epoch time


def read(path):
    header, epochs, tests = {}, {}, {}
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                record = json.loads(line)
                if "epoch" in record:
                    epochs.setdefault(record["config"], []).append(record)
                elif "testAcc" in record:
                    tests[record["config"]] = record
                else:
                    header.update(record)
    except FileNotFoundError:
        pass
    return header, epochs, tests


def steady(records, train_images):
    """Seconds for one full epoch and img/s, from the last epoch; '*' when it was partial."""
    last = records[-1]
    full = last["seconds"] * train_images / last["images"]
    return full, last["imgPerSec"], "" if last.get("complete") else "*"


def main():
    torch_header, torch_epochs, torch_tests = read(sys.argv[1])
    gpu_header, gpu_epochs, gpu_tests = read(sys.argv[2])
    print(f"pytorch: {torch_header.get('device')} torch {torch_header.get('torch')} cuda {torch_header.get('cuda')} cudnn {torch_header.get('cudnn')}")
    print(f"gradproof: {gpu_header.get('engine')} (hardware GPU: {gpu_header.get('hardwareGpu')}) node {gpu_header.get('node')} tfjs {gpu_header.get('tfjs')}")
    if gpu_header.get("notes"):
        print(f"gradproof adapter notes: {'; '.join(gpu_header['notes'])}")
    images = torch_header.get("trainImages") or gpu_header.get("trainImages")
    print(f"train images per epoch: {images}, batch {torch_header.get('batch')}, epochs {torch_header.get('epochs')}")
    print()
    print(f"{'config':<12} {'torch s/epoch':>13} {'torch img/s':>11} {'webgpu s/epoch':>14} {'webgpu img/s':>12} {'ratio':>7}  test acc torch / webgpu")
    ratios = []
    order = list(dict.fromkeys([*torch_epochs.keys(), *gpu_epochs.keys()]))
    for config in order:
        t = steady(torch_epochs[config], images) if config in torch_epochs else None
        g = steady(gpu_epochs[config], images) if config in gpu_epochs else None
        ratio = g[0] / t[0] if t and g else None
        if ratio is not None:
            ratios.append(ratio)
        acc_t = torch_tests.get(config, {}).get("testAcc", "-")
        acc_g = gpu_tests.get(config, {}).get("testAcc", "-")
        print(f"{config:<12} {fmt(t, 0):>13} {fmt(t, 1):>11} {fmt(g, 0):>14} {fmt(g, 1):>12} "
              f"{(f'{ratio:.2f}x' if ratio else '-'):>7}  {acc_t} / {acc_g}")
    print()
    if ratios:
        median = statistics.median(ratios)
        verdict = "within" if median <= TARGET_RATIO else "NOT within"
        print(f"ratio (webgpu epoch time / PyTorch epoch time), median over {len(ratios)} configurations: "
              f"{median:.2f}x -> {verdict} the {TARGET_RATIO:.0f}x target")
    else:
        print("ratio: not available (one side produced no epochs; see its log above)")
    return 0


def fmt(result, field):
    if result is None:
        return "-"
    value = result[field]
    text = f"{value:.2f}" if field == 0 else f"{value:,}"
    return text + result[2]


if __name__ == "__main__":
    sys.exit(main())
