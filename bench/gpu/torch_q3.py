#!/usr/bin/env python3
"""PyTorch twin of bench/gpu/trainer.ts: the source document's Q3 sweep on the same data.

Same model (Conv2D 8@7x7 -> act -> Conv2D 8@5x5 -> act -> Flatten -> Dense 10 softmax; 27,938
parameters, 27,954 with PReLU), same batch, epochs, optimiser (Adam, lr 1e-3), data (MNIST-format
IDX files plus inverted copies x -> 1 - x), initialisation (Glorot uniform kernels, zero biases,
PReLU alpha 0 shared over height and width) and loop shape (a per-epoch permutation; each batch
gathered in host memory and copied to the device, or with --resident gathered on the device from
the whole set copied once; loss read once per epoch). Prints one JSON line per epoch and per
configuration, in the same fields as the gradproof trainer.

Usage: python3 torch_q3.py --data DIR [--configs leaky:-1,...,prelu] [--epochs 2] [--batch 128]
       [--lr 0.001] [--seed 1] [--limit N] [--budget-s S] [--device cuda|cpu] [--threads N]
       [--resident]
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

DEFAULT_CONFIGS = "leaky:-1,leaky:-0.5,leaky:0,leaky:0.5,leaky:1,prelu"
EPSILON = 1e-7  # Keras's clipping of probabilities inside categorical cross-entropy
EVAL_BATCH = 2000
BUDGET_CHECK_EVERY = 25  # steps between clock checks under --budget-s (each waits for the GPU)


def read_idx(path):
    """Reads an IDX file (raw or .gz), checking the magic number and the size."""
    for candidate in (path, path + ".gz"):
        if os.path.exists(candidate):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(candidate, "rb") as f:
                data = f.read()
            break
    else:
        raise SystemExit(f"--data: expected {path} (raw or .gz), got no such file")
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise SystemExit(f"{path}: expected an IDX file of unsigned bytes")
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(data[3])]
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * len(dims))
    if body.size != int(np.prod(dims)):
        raise SystemExit(f"{path}: expected {int(np.prod(dims))} elements, got {body.size}")
    return body.reshape(dims)


def load_set(folder, prefix, limit):
    """Images as float32 (N, 1, 28, 28) in [0, 1] with inverted copies appended, and labels; in host memory."""
    images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte"))
    n = images.shape[0] if limit is None else min(limit, images.shape[0])
    x = torch.from_numpy(images[:n].astype(np.float32) / 255.0).unsqueeze(1)  # N, 1, 28, 28
    y = torch.from_numpy(labels[:n].astype(np.int64))
    return torch.cat([x, 1.0 - x]), torch.cat([y, y])


def activation(config):
    name, _, value = config.partition(":")
    if name == "prelu":
        return lambda: nn.PReLU(num_parameters=8, init=0.0)
    if name in ("leaky", "leaky_relu"):
        alpha = float(value or 0)
        return lambda: nn.LeakyReLU(negative_slope=alpha)
    raise SystemExit(f"--configs: expected leaky:ALPHA or prelu, got '{config}'")


def model_for(config, seed):
    torch.manual_seed(seed)
    act = activation(config)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 7), act(),
        nn.Conv2d(8, 8, 5), act(),
        nn.Flatten(),
        nn.Linear(18 * 18 * 8, 10),
    )
    for layer in model:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(layer.weight)  # Keras's glorot_uniform
            nn.init.zeros_(layer.bias)
    return model


def cross_entropy(logits, y):
    """Keras's categorical cross-entropy on softmax outputs (probabilities clipped to [eps, 1-eps])."""
    p = torch.softmax(logits, dim=1).clamp(EPSILON, 1 - EPSILON)
    return -torch.log(p.gather(1, y.unsqueeze(1))).mean()


def emit(record):
    print(json.dumps(record), flush=True)


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def train_config(config, train, test, args, device):
    model = model_for(config, args.seed).to(device)
    params = sum(p.numel() for p in model.parameters())
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    x, y = (t.to(device) for t in train) if args.resident else train
    data_device = device if args.resident else torch.device("cpu")
    count = x.shape[0]
    for epoch in range(1, args.epochs + 1):
        generator = torch.Generator(device="cpu").manual_seed(args.seed * 1000 + epoch)
        order = torch.randperm(count, generator=generator).to(data_device)
        loss_sum = torch.zeros((), device=device)
        batches = 0
        sync(device)
        start = time.perf_counter()
        for b in range(0, count - args.batch + 1, args.batch):
            idx = order[b: b + args.batch]
            optimizer.zero_grad(set_to_none=True)
            xb, yb = x[idx].to(device), y[idx].to(device)
            loss = cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
            loss_sum += loss.detach()
            batches += 1
            if args.budget_s is not None and batches % BUDGET_CHECK_EVERY == 0:
                sync(device)
                if time.perf_counter() - start > args.budget_s:
                    break
        mean_loss = loss_sum.item() / batches  # waits for the device
        seconds = time.perf_counter() - start
        images = batches * args.batch
        emit({"peer": "pytorch", "config": config, "epoch": epoch, "seconds": round(seconds, 4),
              "images": images, "complete": images + args.batch > count,
              "imgPerSec": round(images / seconds), "loss": round(mean_loss, 5), "params": params})
    test_loss, test_acc, test_images = evaluate(model, test, device, args.budget_s)
    emit({"peer": "pytorch", "config": config, "testLoss": round(test_loss, 5), "testAcc": round(test_acc, 5),
          "testImages": test_images})


@torch.no_grad()
def evaluate(model, test, device, budget_s=None):
    """Loss and accuracy, originals and inverted copies interleaved (a fair sample if cut short)."""
    x, y = test
    half = x.shape[0] // 2
    order = torch.stack([torch.arange(half), torch.arange(half) + half], dim=1).reshape(-1)
    start = time.perf_counter()
    loss, correct, images = 0.0, 0, 0
    for b in range(0, x.shape[0], EVAL_BATCH):
        idx = order[b: b + EVAL_BATCH]
        logits = model(x[idx].to(device))
        target = y[idx].to(device)
        loss += cross_entropy(logits, target).item() * target.shape[0]
        correct += (logits.argmax(1) == target).sum().item()
        images += target.shape[0]
        if budget_s is not None and time.perf_counter() - start > budget_s:
            break
    return loss / images, correct / images, images


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--configs", default=DEFAULT_CONFIGS)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--budget-s", type=float, default=None)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--resident", action="store_true", help="keep the training set on the device")
    args = parser.parse_args()
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    torch.backends.cudnn.benchmark = True  # PyTorch at its fastest for fixed shapes
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    emit({"peer": "pytorch", "device": name, "torch": torch.__version__,
          "cuda": torch.version.cuda, "cudnn": torch.backends.cudnn.version() if device.type == "cuda" else None})
    train = load_set(args.data, "train", args.limit)
    test_limit = None if args.limit is None else max(1, args.limit // 6)
    test = load_set(args.data, "t10k", test_limit)
    emit({"peer": "pytorch", "trainImages": train[0].shape[0], "testImages": test[0].shape[0],
          "batch": args.batch, "epochs": args.epochs,
          "data": "resident" if args.resident else "uploaded per batch"})
    for config in args.configs.split(","):
        train_config(config, train, test, args, device)


if __name__ == "__main__":
    sys.exit(main())
