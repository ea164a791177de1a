#!/usr/bin/env python3
"""Trim a botocore service model to the operations Stowage serves.

Keeps the metadata, the named operations and every shape reachable from their inputs, outputs and
errors; drops documentation strings. Output keeps the source model's order (member order is
the order validation errors are reported in), so regenerating yields no diff.

Usage (from the repository root):
  scripts/trim-service-model.py                      # regenerate the committed models
  scripts/trim-service-model.py MODEL OUT OP [OP...] # trim one model
"""
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODELS = Path("../shared/reference/aws-models")
RESOURCES = Path("wire/src/main/resources/service-models")

DEFAULTS = [
    (
        "sagemaker_2017-07-24_service-2.json",
        "sagemaker.json",
        [
            "CreateModel", "DescribeModel", "DeleteModel", "ListModels",
            "CreateEndpointConfig", "DescribeEndpointConfig", "DeleteEndpointConfig",
            "ListEndpointConfigs",
            "CreateEndpoint", "DescribeEndpoint", "UpdateEndpoint", "DeleteEndpoint",
            "ListEndpoints",
            "CreateInferenceComponent", "DescribeInferenceComponent",
            "UpdateInferenceComponent", "UpdateInferenceComponentRuntimeConfig",
            "DeleteInferenceComponent", "ListInferenceComponents",
        ],
    ),
    (
        "application-autoscaling_2016-02-06_service-2.json",
        "application-autoscaling.json",
        [
            "RegisterScalableTarget", "DeregisterScalableTarget", "DescribeScalableTargets",
            "PutScalingPolicy", "DeleteScalingPolicy", "DescribeScalingPolicies",
            "DescribeScalingActivities",
        ],
    ),
    (
        "sagemaker-runtime_2017-05-13_service-2.json",
        "sagemaker-runtime.json",
        ["InvokeEndpoint", "InvokeEndpointWithResponseStream"],
    ),
]


def strip_docs(node):
    if isinstance(node, dict):
        return {k: strip_docs(v) for k, v in node.items() if k != "documentation"}
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def referenced(shape):
    """Names of the shapes one shape refers to directly."""
    for member in shape.get("members", {}).values():
        yield member["shape"]
    for key in ("member", "key", "value"):
        if key in shape:
            yield shape[key]["shape"]


def trim(model, operations):
    missing = [op for op in operations if op not in model["operations"]]
    if missing:
        raise SystemExit(f"operations not in model: {missing}")
    ops = {op: model["operations"][op] for op in operations}
    pending = []
    for op in ops.values():
        for key in ("input", "output"):
            if key in op:
                pending.append(op[key]["shape"])
        pending.extend(error["shape"] for error in op.get("errors", []))
    reachable = set()
    while pending:
        name = pending.pop()
        if name in reachable:
            continue
        reachable.add(name)
        pending.extend(referenced(model["shapes"][name]))
    # The model's own order is kept: member order is the order violations are reported in.
    shapes = {name: shape for name, shape in model["shapes"].items() if name in reachable}
    return strip_docs({
        "version": model.get("version", "2.0"),
        "metadata": model["metadata"],
        "operations": ops,
        "shapes": shapes,
    })


def write(source, target, operations):
    model = json.loads(Path(source).read_text(encoding="utf-8"))
    trimmed = trim(model, operations)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(trimmed, indent=1) + "\n", encoding="utf-8")
    print(f"{target}: {len(trimmed['operations'])} operations, {len(trimmed['shapes'])} shapes")


def main(argv):
    if len(argv) == 0:
        for source, target, operations in DEFAULTS:
            write(REPO / MODELS / source, REPO / RESOURCES / target, operations)
    elif len(argv) >= 3:
        write(argv[0], argv[1], argv[2:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
