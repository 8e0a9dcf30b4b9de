"""The scikit-learn values ScoreMetricsTest pins: run with Debian's python3 and python3-sklearn (1.2.1).

    /usr/bin/python3 core/src/test/python/score_metrics.py
"""
import numpy as np
import sklearn
from sklearn.metrics import log_loss, roc_auc_score, top_k_accuracy_score

print("scikit-learn", sklearn.__version__)

# binary: one sigmoid column, the probability of class 1 (ties included)
p1 = np.array([0.1, 0.4, 0.35, 0.8, 0.5, 0.5, 0.9, 0.2])
y1 = np.array([0, 0, 1, 1, 0, 1, 1, 0])
print("binary rocAuc", repr(roc_auc_score(y1, p1)))
print("binary logLoss", repr(log_loss(y1, p1)))
print("binary top1", repr(top_k_accuracy_score(y1, p1, k=1)))

# three classes, softmax-like rows (one with a tie, one certain)
p3 = np.array([
    [0.7, 0.2, 0.1],
    [0.3, 0.3, 0.4],
    [0.25, 0.5, 0.25],
    [0.1, 0.1, 0.8],
    [0.4, 0.4, 0.2],
    [1.0, 0.0, 0.0],
    [0.2, 0.6, 0.2],
])
y3 = np.array([0, 1, 2, 2, 1, 1, 0])
print("multi rocAuc", repr(roc_auc_score(y3, p3, multi_class="ovr", average="macro")))
print("multi top1", repr(top_k_accuracy_score(y3, p3, k=1, labels=[0, 1, 2])))
print("multi top2", repr(top_k_accuracy_score(y3, p3, k=2, labels=[0, 1, 2])))
print("multi logLoss", repr(log_loss(y3, p3, labels=[0, 1, 2])))
