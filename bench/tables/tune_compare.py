#!/usr/bin/env python3
"""`./scratchnet tune` against `train`'s defaults and scikit-learn's RandomizedSearchCV, same budget, same split.

For each table: one 75/25 split (train_test_split, seed 1, stratified for classes) as compare.py makes it;
scratchnet `train` with its defaults; scratchnet `tune --trials N --cv K` (seed 1); scikit-learn's
RandomizedSearchCV(n_iter=N, cv=K, random_state=1, n_jobs=-1) over compare.py's MLP pipeline, searching
the same widths and depth, learning rate, L2 (alpha) and batch size (its MLP has no dropout); each scored
on the 25 %. Run from the repository root: python3 bench/tables/tune_compare.py [--trials 8] [--cv 3]
[--tables wine,diabetes]. Writes under out/tables-tune/.
"""
import argparse, os, subprocess, sys, time, warnings
from scipy.stats import loguniform
from sklearn.model_selection import RandomizedSearchCV
from compare import tables, split, scratchnet_score, predicted_score, sklearn_pipeline

warnings.filterwarnings("ignore")
WIDTHS, DEPTHS = [16, 32, 64, 128, 256], [1, 2, 3]
FUNNELS = [tuple(max(8, width >> layer) for layer in range(depth)) for depth in DEPTHS for width in WIDTHS]


def sklearn_search(train, test, target, classes, trials, folds):
    pipeline = sklearn_pipeline(train, target, classes, 1)
    space = {"mlp__hidden_layer_sizes": FUNNELS, "mlp__learning_rate_init": loguniform(3e-4, 1e-2),
             "mlp__alpha": loguniform(1e-5, 0.3), "mlp__batch_size": [16, 32, 64, 128]}
    search = RandomizedSearchCV(pipeline, space, n_iter=trials, cv=folds, random_state=1, n_jobs=-1)
    start = time.time()
    search.fit(train.drop(columns=[target]), train[target])
    return search.score(test.drop(columns=[target]), test[target]), time.time() - start, search.best_params_


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--cv", type=int, default=3)
    parser.add_argument("--tables", default="wine,diabetes")
    args = parser.parse_args()
    every = tables()
    for name in args.tables.split(","):
        frame, target, classes = every[name]
        train, test = split(frame, target, classes, 1)
        folder = os.path.join("out", "tables-tune", name)
        defaults, train_seconds = scratchnet_score(train, test, target, classes, folder)
        start = time.time()
        tuned = subprocess.run(["./scratchnet", "tune", "--csv", os.path.join(folder, "train.csv"), "--target", target,
                                "--trials", str(args.trials), "--cv", str(args.cv), "--quiet", "--output",
                                os.path.join(folder, "tune")], check=True, capture_output=True, text=True).stdout
        tune_seconds = time.time() - start
        ours = predicted_score(os.path.join(folder, "tune", "model.zip"), test, os.path.join(folder, "test.csv"),
                               target, classes)
        theirs, sklearn_seconds, best = sklearn_search(train, test, target, classes, args.trials, args.cv)
        metric = "accuracy" if classes else "R2"
        print(f"{name} ({metric}, {len(test)} test rows): train defaults {defaults:.4f} ({train_seconds:.0f} s); "
              f"tune {ours:.4f} ({tune_seconds:.0f} s; {tuned.strip().splitlines()[-1]}); "
              f"scikit-learn RandomizedSearchCV {theirs:.4f} ({sklearn_seconds:.0f} s; {best})", flush=True)


if __name__ == "__main__":
    sys.exit(main())
