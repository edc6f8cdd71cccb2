"""PyTorch peer of bench/train-throughput.bench.ts: the source document's CNN
(Conv2D 8@7x7 valid -> ReLU -> Conv2D 8@5x5 valid -> ReLU -> Flatten -> Dense 10 softmax,
27,938 parameters), trained with Adam (lr 1e-3) on batches of random 28x28 images.

Prints one JSON object: images per second for each timed round, and their median.
Usage: python3 train_cnn_torch.py [--batch 128] [--threads 1] [--rounds 7] [--steps 8] [--warmup 3]
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn


def build_model() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 8, kernel_size=7),
        nn.ReLU(),
        nn.Conv2d(8, 8, kernel_size=5),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(8 * 18 * 18, 10),  # softmax is folded into CrossEntropyLoss
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = build_model()
    params = sum(p.numel() for p in model.parameters())
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(args.batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.batch,))

    def step() -> float:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    rates = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _ in range(args.steps):
            step()
        rates.append(args.batch * args.steps / (time.perf_counter() - t0))
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(), "params": params,
        "batch": args.batch, "rates": rates, "median": statistics.median(rates),
    }))


if __name__ == "__main__":
    main()
