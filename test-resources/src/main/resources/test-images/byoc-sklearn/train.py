"""Trains the test model: a LinearRegression on exact data y = 3*x1 - 2*x2 + 5 (deterministic)."""

import json
import os

import joblib
from sklearn.linear_model import LinearRegression

INSTANCES = [[0.0, 0.0], [1.0, 2.0], [2.5, -1.0], [10.0, 4.0], [-7.25, 3.5]]


def train(out_dir):
    features = [[float(x1), float(x2)] for x1 in range(-3, 4) for x2 in range(-3, 4)]
    targets = [3 * x1 - 2 * x2 + 5 for x1, x2 in features]
    model = LinearRegression().fit(features, targets)
    os.makedirs(out_dir, exist_ok=True)
    joblib.dump(model, os.path.join(out_dir, "model.joblib"))
    expected = {
        "instances": INSTANCES,
        "predictions": model.predict(INSTANCES).tolist(),
        "coefficients": model.coef_.tolist(),
        "intercept": float(model.intercept_),
    }
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
    print(f"trained {expected['coefficients']} + {expected['intercept']} into {out_dir}", flush=True)
