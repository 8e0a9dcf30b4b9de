"""Writes the 75/25 splits Sweep.java reads (splits/NAME_SEED_train.csv, _test.csv, seeds 1-3) and prints
scikit-learn's MLP pipeline on them (seeds 1-5). Run in an empty folder: python3 bench/tables/splits.py
(wine, breast_cancer, diabetes must be written first as CSV by the snippet in docs/tables.md)."""
import os
import numpy as np, pandas as pd, sys, warnings
warnings.filterwarnings("ignore")
from sklearn.model_selection import train_test_split
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.metrics import accuracy_score, r2_score
tables = [("wine","wine.csv","target",True),("breast_cancer","breast_cancer.csv","target",True),
          ("diabetes","diabetes.csv","target",False),("penguins",os.path.join(os.path.dirname(os.path.abspath(__file__)), "penguins.csv"),"species",True),
          ("penguins_mass",os.path.join(os.path.dirname(os.path.abspath(__file__)), "penguins.csv"),"body_mass_g",False)]
for name, file, target, cls in tables:
    df = pd.read_csv(file, na_values=["NA","N/A","NaN","?","null",""], keep_default_na=True)
    df = df[df[target].notna()]
    X = df.drop(columns=[target]); y = df[target]
    num = [c for c in X.columns if X[c].dtype.kind in "fi"]; cat = [c for c in X.columns if c not in num]
    scores = []
    for seed in range(1, 6):
        Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=seed, stratify=y if cls else None)
        if seed <= 3:
            tr = Xtr.copy(); tr[target] = ytr; te = Xte.copy(); te[target] = yte
            tr.to_csv(f"splits/{name}_{seed}_train.csv", index=False, na_rep="NA")
            te.to_csv(f"splits/{name}_{seed}_test.csv", index=False, na_rep="NA")
        pre = ColumnTransformer([("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
                                 ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), cat)])
        model = (MLPClassifier if cls else MLPRegressor)(max_iter=2000, random_state=seed)
        pipe = make_pipeline(pre, model).fit(Xtr, ytr)
        p = pipe.predict(Xte)
        scores.append(accuracy_score(yte, p) if cls else r2_score(yte, p))
    print(name, "sklearn mean of 5 seeds: %.4f" % np.mean(scores), "seeds 1-3: %.4f" % np.mean(scores[:3]), " ".join("%.4f" % s for s in scores), "test rows", len(Xte))
