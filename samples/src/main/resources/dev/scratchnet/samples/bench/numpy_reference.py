#!/usr/bin/env python3
"""The benchmark workloads W1-W3 in numpy, written the way the from-scratch tutorials write them.

Run by `./scratchnet bench` in the same invocation as scratchnet's own runs, so that the ratios
are measured side by side. Prints one line per workload: its name, then the seconds of each run (per image for W3 and W3B).

    python3 numpy_reference.py --digits FILE.csv.gz --mnist DIR --repeats 3

With --scale, instead: the scaling table's cells (784-H-10 ReLU/softmax, cross-entropy, SGD 0.1, one
epoch over the first 8000 rows including the shuffle), one line per cell: S, H, batch, then the
seconds of each run; numpy's threads are whatever the environment gives it.
"""
import argparse, gzip, os, struct, time
import numpy as np


def load_digits(path):
    data = np.loadtxt(gzip.open(path, "rt"), delimiter=",")
    x = (data[:, :64] / 16.0).astype(np.float32)
    y = np.eye(10, dtype=np.float32)[data[:, 64].astype(int)]
    return x, y


def read_idx(directory, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            raw = (gzip.open if path.endswith(".gz") else open)(path, "rb").read()
            magic, count = struct.unpack(">II", raw[:8])
            if magic == 0x803:
                rows, cols = struct.unpack(">II", raw[8:16])
                return np.frombuffer(raw, np.uint8, offset=16).reshape(count, rows * cols)
            return np.frombuffer(raw, np.uint8, offset=8)
    raise FileNotFoundError(os.path.join(directory, name))


def load_mnist(directory, limit):
    x = read_idx(directory, "train-images-idx3-ubyte")[:limit].astype(np.float32) / 255.0
    labels = read_idx(directory, "train-labels-idx1-ubyte")[:limit]
    return x, np.eye(10, dtype=np.float32)[labels]


def init(sizes, rng):
    # Glorot uniform, as scratchnet's default
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (n_in + n_out))
        layers.append([rng.uniform(-limit, limit, (n_in, n_out)).astype(np.float32),
                       np.zeros((1, n_out), np.float32)])
    return layers


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(layers, x, hidden, output):
    activations = [x]
    for i, (w, b) in enumerate(layers):
        z = activations[-1] @ w + b
        activations.append(output(z) if i == len(layers) - 1 else hidden(z))
    return activations


def relu(z):
    return np.maximum(z, 0)


def train(layers, x, y, epochs, batch, lr, output, loss_name, rng):
    n = len(x)
    for _ in range(epochs):
        order = rng.permutation(n)
        epoch_loss = 0.0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = x[idx], y[idx]
            acts = forward(layers, xb, relu, output)
            p = acts[-1]
            # the batch loss from the forward pass, averaged over the epoch, as scratchnet's fit does
            if loss_name == "mse":  # sigmoid output, MSE as a mean over batch and outputs
                epoch_loss += float(((p - yb) ** 2).mean()) * len(xb)
                delta = 2 * (p - yb) / p.size * p * (1 - p)
            else:  # softmax + cross-entropy, fused
                epoch_loss += float(-(yb * np.log(np.maximum(p, 1e-7))).sum())
                delta = (p - yb) / len(xb)
            for i in range(len(layers) - 1, -1, -1):
                w, b = layers[i]
                dw = acts[i].T @ delta
                db = delta.sum(axis=0, keepdims=True)
                if i > 0:
                    delta = (delta @ w.T) * (acts[i] > 0)
                w -= lr * dw
                b -= lr * db
        epoch_loss / n


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def w1(args, rng):
    x, y = load_digits(args.digits)
    return timed(lambda: train(init([64, 15, 10], rng), x, y, 100, 15, 2.0, sigmoid, "mse", rng))


def w2(args, rng):
    x, y = load_mnist(args.mnist, 8000)
    return timed(lambda: train(init([784, 256, 128, 10], rng), x, y, 5, 64, 0.1, softmax, "ce", rng))


def load_mnist_test(directory, limit):
    return read_idx(directory, "t10k-images-idx3-ubyte")[:limit].astype(np.float32) / 255.0, None


def w3(args, rng):
    x, _ = load_mnist_test(args.mnist, args.samples)
    layers = init([784, 256, 128, 10], rng)
    forward(layers, x[:10], relu, softmax)
    start = time.perf_counter()
    for i in range(len(x)):
        forward(layers, x[i:i + 1], relu, softmax)
    return (time.perf_counter() - start) / len(x)


def w3_batched(args, rng):
    x, _ = load_mnist_test(args.mnist, args.samples)
    layers = init([784, 256, 128, 10], rng)
    start = time.perf_counter()
    forward(layers, x, relu, softmax)
    return (time.perf_counter() - start) / len(x)


def scale(args, rng):
    x, y = load_mnist(args.mnist, 8000)
    cells = [tuple(int(v) for v in cell.split("x")) for cell in args.scale.split(",")]
    # warm-up: one small epoch, so that the first cell does not pay for loading BLAS
    train(init([784, 64, 10], rng), x, y, 1, 64, 0.1, softmax, "ce", rng)
    for hidden, batch in cells:
        runs = [timed(lambda: train(init([784, hidden, 10], rng), x, y, 1, batch, 0.1, softmax, "ce", rng))
                for _ in range(args.repeats)]
        print("S", hidden, batch, " ".join(repr(seconds) for seconds in runs), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--digits", required=True)
    parser.add_argument("--mnist", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--only", default="W1,W2,W3,W3B")
    parser.add_argument("--scale", help="cells HxBATCH,HxBATCH,... of the scaling table instead of W1-W3")
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    if args.scale:
        scale(args, rng)
        return
    workloads = {"W1": w1, "W2": w2, "W3": w3, "W3B": w3_batched}
    for name in args.only.split(","):
        workloads[name](args, rng)  # warm-up
        runs = [workloads[name](args, rng) for _ in range(args.repeats)]
        print(name, " ".join(repr(seconds) for seconds in runs), flush=True)


if __name__ == "__main__":
    main()
