#!/usr/bin/env python3
"""scratchnet `train --csv` with its defaults against scikit-learn's MLP pipeline, on the same splits.

For each table and seed: a stratified (classes) 75/25 split with scikit-learn's train_test_split;
scikit-learn fits SimpleImputer (median / most frequent) + StandardScaler + OneHotEncoder +
MLPClassifier/MLPRegressor(max_iter=2000, random_state=seed) on the 75 %; scratchnet runs
`./scratchnet train --csv train.csv --target T --quiet` (its defaults, seed 1) and
`./scratchnet predict --model model.zip --csv test.csv`; both are scored on the 25 % (accuracy, R2).
Run from the repository root: python3 bench/tables/compare.py [--seeds 3] [--tables wine,diabetes]
Needs numpy, pandas and scikit-learn. Writes its files under out/tables-compare/.
"""
import argparse, os, re, subprocess, sys, time, warnings
import numpy as np
import pandas as pd
from sklearn import datasets
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
MISSING = ["NA", "N/A", "NaN", "?", "null", ""]


def bundled(loader):
    data = loader()
    frame = pd.DataFrame(data.data, columns=[c.replace(" ", "_") for c in data.feature_names])
    frame["target"] = data.target
    return frame


def tables():
    penguins = pd.read_csv(os.path.join(HERE, "penguins.csv"), na_values=MISSING, keep_default_na=True)
    return {
        "wine": (bundled(datasets.load_wine), "target", True),
        "breast_cancer": (bundled(datasets.load_breast_cancer), "target", True),
        "diabetes": (bundled(datasets.load_diabetes), "target", False),
        "penguins": (penguins, "species", True),
        "penguins_mass": (penguins, "body_mass_g", False),
    }


def split(frame, target, classes, seed):
    """The rows with a target cut 75/25 (stratified for classes; class numbers as whole numbers): (train, test)."""
    frame = frame[frame[target].notna()]
    if classes and frame[target].dtype.kind in "fi":
        frame = frame.assign(**{target: frame[target].astype(int)})
    return train_test_split(frame, test_size=0.25, random_state=seed, stratify=frame[target] if classes else None)


def sklearn_pipeline(train, target, classes, seed):
    """Imputation, standardization, one-hot and the MLP (step "mlp"), for the columns of `train`."""
    x = train.drop(columns=[target])
    numbers = [c for c in x.columns if x[c].dtype.kind in "fi"]
    text = [c for c in x.columns if c not in numbers]
    encode = ColumnTransformer([
        ("numbers", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numbers),
        ("text", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), text)])
    model = (MLPClassifier if classes else MLPRegressor)(max_iter=2000, random_state=seed)
    return Pipeline([("encode", encode), ("mlp", model)])


def sklearn_score(train, test, target, classes, seed):
    pipeline = sklearn_pipeline(train, target, classes, seed).fit(train.drop(columns=[target]), train[target])
    predicted = pipeline.predict(test.drop(columns=[target]))
    return accuracy_score(test[target], predicted) if classes else r2_score(test[target], predicted)


def scratchnet_score(train, test, target, classes, folder):
    os.makedirs(folder, exist_ok=True)
    train_csv, test_csv = os.path.join(folder, "train.csv"), os.path.join(folder, "test.csv")
    train.to_csv(train_csv, index=False, na_rep="NA")
    test.to_csv(test_csv, index=False, na_rep="NA")
    start = time.time()
    subprocess.run(["./scratchnet", "train", "--csv", train_csv, "--target", target, "--quiet", "--output",
                    os.path.join(folder, "out")], check=True, stdout=subprocess.DEVNULL)
    seconds = time.time() - start
    return predicted_score(os.path.join(folder, "out", "model.zip"), test, test_csv, target, classes), seconds


def predicted_score(model, test, test_csv, target, classes):
    """The score of `./scratchnet predict --model MODEL --csv TEST_CSV` on the rows of `test`."""
    out = subprocess.run(["./scratchnet", "predict", "--model", model, "--csv",
                          test_csv, "--top", "1"], check=True, capture_output=True, text=True).stdout
    answers = [re.sub(r"^.* row \d+: ", "", line) for line in out.strip().split("\n")]
    if classes:
        predicted = [re.sub(r" \(p [0-9.]+\)$", "", answer) for answer in answers]
        return accuracy_score(test[target].astype(str), predicted)
    return r2_score(test[target], [float(answer) for answer in answers])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--tables", default="wine,breast_cancer,diabetes,penguins,penguins_mass")
    args = parser.parse_args()
    every = tables()
    for name in args.tables.split(","):
        frame, target, classes = every[name]
        ours, theirs, times = [], [], []
        for seed in range(1, args.seeds + 1):
            train, test = split(frame, target, classes, seed)
            theirs.append(sklearn_score(train, test, target, classes, seed))
            score, seconds = scratchnet_score(train, test, target, classes,
                                              os.path.join("out", "tables-compare", f"{name}-{seed}"))
            ours.append(score)
            times.append(seconds)
        metric = "accuracy" if classes else "R2"
        print(f"{name:14s} {metric:8s} scratchnet {np.mean(ours):.4f}  scikit-learn {np.mean(theirs):.4f}  "
              f"({args.seeds} seeds, {len(test)} test rows; train {np.mean(times):.1f} s a run with JVM start)",
              flush=True)


if __name__ == "__main__":
    sys.exit(main())
