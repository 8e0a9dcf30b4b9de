"""Opens a scratchnet model zip with zipfile and numpy only and reproduces the network's predictions.

usage: python3 check_model.py MODEL.zip FEATURES.npy PREDICTIONS.npy
Exits 0 when numpy's forward pass matches PREDICTIONS (the Java network's outputs), 1 otherwise.
Run by ModelNumpyTest when -Dscratchnet.python=python3 is given.
"""
import io
import json
import sys
import zipfile

import numpy as np


def activation(spec, z):
    name = spec["name"]
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "leakyRelu":
        return np.where(z > 0, z, spec["alpha"] * z)
    if name == "identity":
        return z
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError("unknown activation " + name)


def main(model_path, features_path, predictions_path):
    with zipfile.ZipFile(model_path) as z:
        model = json.loads(z.read("model.json"))
        a = np.load(features_path)
        for layer in model["layers"]:
            w = np.load(io.BytesIO(z.read(layer["weights"])))
            b = np.load(io.BytesIO(z.read(layer["bias"])))
            assert w.dtype == np.dtype(model["dataType"]), (w.dtype, model["dataType"])
            assert w.shape == (layer["nIn"], layer["nOut"]), w.shape
            a = activation(layer["activation"], a @ w + b)
    expected = np.load(predictions_path)
    tolerance = 1e-5 if model["dataType"] == "float32" else 1e-12
    error = float(np.max(np.abs(a - expected)))
    print("%s: %d layers, %s, max |numpy - java| = %.3g" % (model_path, len(model["layers"]), model["dataType"], error))
    return 0 if a.shape == expected.shape and error <= tolerance else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
