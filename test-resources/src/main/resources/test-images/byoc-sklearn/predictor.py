"""The inference server: GET /ping, POST /invocations (text/csv rows or JSON {"instances": [[...], ...]})."""

import io
import json
import os
import sys

import joblib
import numpy as np
from flask import Flask, Response, request

MODEL_PATH = os.path.join(os.environ.get("SM_MODEL_DIR", "/opt/ml/model"), "model.joblib")

print(f"loading model from {MODEL_PATH}", flush=True)
model = joblib.load(MODEL_PATH)
print(f"loaded {type(model).__name__} from {MODEL_PATH}", flush=True)

app = Flask(__name__)


@app.get("/ping")
def ping():
    return Response(status=200)


@app.post("/invocations")
def invocations():
    content_type = (request.content_type or "").split(";")[0].strip().lower()
    try:
        if content_type == "text/csv":
            rows = np.loadtxt(io.StringIO(request.get_data(as_text=True)), delimiter=",", ndmin=2)
        elif content_type == "application/json":
            rows = np.asarray(request.get_json(force=True)["instances"], dtype=float)
        else:
            return error(415, f"unsupported content type {content_type!r}: send text/csv or application/json")
        predictions = model.predict(rows).tolist()
    except (ValueError, KeyError, TypeError) as e:
        return error(400, f"bad input: {e}")
    return Response(json.dumps({"predictions": predictions}), status=200, mimetype="application/json")


def error(status, message):
    print(message, file=sys.stderr, flush=True)
    return Response(json.dumps({"message": message}), status=status, mimetype="application/json")
