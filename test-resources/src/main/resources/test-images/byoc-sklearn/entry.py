"""Entry point of the SageMaker-style container.

serve          runs the model server (gunicorn + Flask) on 0.0.0.0:$SAGEMAKER_BIND_TO_PORT (default 8080),
               with the model loaded from $SM_MODEL_DIR (default /opt/ml/model) before it listens
train OUT_DIR  trains the test model deterministically into OUT_DIR: model.joblib and expected.json
"""

import os
import sys


def serve():
    port = os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080")
    workers = os.environ.get("SAGEMAKER_MODEL_SERVER_WORKERS", "1")
    timeout = os.environ.get("SAGEMAKER_MODEL_SERVER_TIMEOUT", "60")
    # --preload loads the model in the master before any worker forks: a model that does not load stops the
    # server at start-up (non-zero exit, the error in the log) instead of failing each request.
    os.execvp(
        "gunicorn",
        [
            "gunicorn",
            "--bind", f"0.0.0.0:{port}",
            "--workers", workers,
            "--timeout", timeout,
            "--chdir", "/opt/program",
            "--access-logfile", "-",
            "--error-logfile", "-",
            "--preload",
            "predictor:app",
        ],
    )


def main(argv):
    if argv == ["serve"]:
        serve()
    if len(argv) == 2 and argv[0] == "train":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import train

        train.train(argv[1])
        return 0
    print(__doc__, file=sys.stderr)
    print(f"unknown arguments: {argv}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
