"""The two tables README's "Your own table" measures, and scikit-learn's scores on them.

    /usr/bin/python3 samples/src/test/python/tables.py /tmp/tables      # writes spiral.csv, houses.csv, prints scores
Needs numpy and scikit-learn 1.2 (Debian's python3-sklearn).
"""
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tables")
out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(0)

# three spiral arms with text class names, plus a constant and a noise column
n = 150
rows = []
for j, name in enumerate(["red", "green", "blue"]):
    r = np.linspace(0.05, 1, n)
    t = np.linspace(j * 4, (j + 1) * 4, n) + rng.normal(0, 0.2, n)
    for a, b in zip(r * np.sin(t), r * np.cos(t)):
        rows.append((a, b, 1.0, rng.normal(), name))
rng.shuffle(rows)
with open(out / "spiral.csv", "w") as f:
    f.write("x,y,constant,noise,colour\n")
    for a, b, c, d, name in rows:
        f.write(f"{a:.5f},{b:.5f},{c},{d:.4f},{name}\n")

# a regression: price = 1000 + 300·size − 20·age + 15·rooms + noise
m = 400
size = rng.uniform(1, 5, m)
age = rng.uniform(0, 40, m)
rooms = rng.integers(1, 8, m)
price = 1000 + 300 * size - 20 * age + 15 * rooms + rng.normal(0, 30, m)
with open(out / "houses.csv", "w") as f:
    f.write("size,age,rooms,price\n")
    for s, a, r, p in zip(size, age, rooms, price):
        f.write(f"{s:.3f},{a:.1f},{r},{p:.2f}\n")


def load(path, target):
    table = list(csv.DictReader(open(path)))
    columns = [c for c in table[0] if c != target]
    return np.array([[float(row[c]) for c in columns] for row in table]), [row[target] for row in table]


X, y = load(out / "spiral.csv", "colour")
scores = []
for seed in range(5):
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    model = make_pipeline(StandardScaler(), MLPClassifier(max_iter=2000, random_state=seed)).fit(Xtr, ytr)
    scores.append(round(accuracy_score(yte, model.predict(Xte)), 4))
print("spiral: MLPClassifier accuracy per seed", scores)

X, y = load(out / "houses.csv", "price")
y = np.array(y, float)
scores = []
for seed in range(5):
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=seed)
    model = make_pipeline(StandardScaler(), MLPRegressor(max_iter=2000, random_state=seed)).fit(Xtr, ytr)
    scores.append(round(r2_score(yte, model.predict(Xte)), 4))
print("houses: MLPRegressor R2 per seed", scores)
