#!/usr/bin/env python3
"""Writes a synthetic CSV table for the data-source benchmarks: ROWS rows of 19 number columns
x0..x18 (3 decimals, about N(0, 1)) and a class column "label" (0 or 1) that depends on a few of
them with noise (an in-memory model reaches about 0.9 accuracy). 5,000,000 rows are about 660 MB.

    python3 bench/data-sources/make_table.py ROWS FILE [SEED]
"""
import sys

import numpy as np


def main():
    rows, path = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    random = np.random.default_rng(seed)
    chunk = 100_000
    with open(path, "w") as out:
        out.write(",".join([f"x{i}" for i in range(19)] + ["label"]) + "\n")
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            x = random.standard_normal((n, 19)).round(3)
            score = x[:, 0] - x[:, 1] + 0.8 * x[:, 2] * x[:, 3] + 0.5 * np.sin(2 * x[:, 4]) \
                + 0.4 * random.standard_normal(n)
            label = (score > 0).astype(np.int64)
            body = np.column_stack([x, label])
            np.savetxt(out, body, fmt=["%.3f"] * 19 + ["%d"], delimiter=",")


if __name__ == "__main__":
    main()
