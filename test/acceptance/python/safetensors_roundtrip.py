#!/usr/bin/env python3
"""Python's side of the kept-model weights check: safetensors files the platform writes load here, and files
written here load in the platform.

    pip install safetensors==0.8.0 numpy==2.4.6
    python3 safetensors_roundtrip.py read FILE            # prints {"metadata": {...}, "tensors": {name: {dtype, shape, values}}}
    python3 safetensors_roundtrip.py write FILE SPEC.json # SPEC: {name: {"dtype": "float32", "shape": [...], "values": [...]}}
"""
import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file, save_file


def read(path: str) -> None:
    tensors = load_file(path)
    with safe_open(path, framework="numpy") as f:
        metadata = f.metadata() or {}
    out = {
        name: {"dtype": str(array.dtype), "shape": list(array.shape), "values": array.astype(np.float64).ravel().tolist()}
        for name, array in tensors.items()
    }
    json.dump({"metadata": metadata, "tensors": out}, sys.stdout)


def write(path: str, spec_path: str) -> None:
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    tensors = {name: np.asarray(t["values"], dtype=t["dtype"]).reshape(t["shape"]) for name, t in spec.items()}
    save_file(tensors, path, metadata={"producer": "python"})


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
