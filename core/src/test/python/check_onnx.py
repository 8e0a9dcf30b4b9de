"""Checks the ONNX files in a folder with the onnx package, an ONNX implementation independent of ONNX Runtime.

For each NAME.onnx beside a NAME.zip (the same network saved by scratchnet): onnx.checker.check_model with
full_check (shape inference included), then onnx.reference.ReferenceEvaluator on 50 random rows against a numpy
forward pass over NAME.zip. Exits non-zero when a file fails the checker or differs by more than 1e-5.
Usage: python check_onnx.py FOLDER   (OnnxCheckTest writes the folder; needs: pip install onnx)
"""
import glob, io, json, sys, zipfile
import numpy as np
import onnx
from onnx.reference import ReferenceEvaluator

def numpy_forward(path, x):
    z = zipfile.ZipFile(path)
    model = json.loads(z.read("model.json"))
    a = x.astype(np.float64 if model["dataType"] == "float64" else np.float32)
    for layer in model["layers"]:
        W = np.load(io.BytesIO(z.read(layer["weights"])))
        b = np.load(io.BytesIO(z.read(layer["bias"]))).reshape(-1)
        a = a @ W + b
        name = layer["activation"]["name"]
        if name == "relu": a = np.maximum(a, 0)
        elif name == "leakyRelu": a = np.where(a > 0, a, layer["activation"]["alpha"] * a)
        elif name == "tanh": a = np.tanh(a)
        elif name == "sigmoid": a = 1 / (1 + np.exp(-a))
        elif name == "softmax": e = np.exp(a - a.max(axis=1, keepdims=True)); a = e / e.sum(axis=1, keepdims=True)
    return a, model["dataType"]

worst = 0.0
for onnx_path in sorted(glob.glob(sys.argv[1] + "/*.onnx")):
    model = onnx.load(onnx_path)
    onnx.checker.check_model(model, full_check=True)
    x = np.random.default_rng(1).uniform(-2, 2, size=(50, model.graph.input[0].type.tensor_type.shape.dim[1].dim_value))
    expected, data_type = numpy_forward(onnx_path.replace(".onnx", ".zip"), x)
    actual = ReferenceEvaluator(model).run(None, {"input": x.astype(expected.dtype)})[0]
    difference = float(np.max(np.abs(actual - expected)))
    worst = max(worst, difference)
    print(f"{onnx_path.split('/')[-1]:28s} ir {model.ir_version} opset {model.opset_import[0].version} {actual.dtype} max |reference - numpy| {difference:.1e}")
print(f"onnx {onnx.__version__}: checker passed on all, worst difference {worst:.1e}")
sys.exit(0 if worst <= 1e-5 else 1)
