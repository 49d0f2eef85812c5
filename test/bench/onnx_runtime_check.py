"""Loads an exported model with Python's onnxruntime (PyPI) and prints its probabilities for the batch given.

stdin: JSON {"model": path, "features": flat float list, "shape": [batch, steps, ...], "lengths": [...]}: the features feed
the model's first input (log-mel frames, or a sequence-model's spectrogram segments), the lengths its "lengths".
stdout: JSON {"version", "probabilities": [[...]], "metadata": {...}, "inputs": [...]}. Run by test/bench/onnx-python.ts.
"""
import json
import sys

import numpy as np
import onnxruntime as ort

request = json.load(sys.stdin)
session = ort.InferenceSession(request["model"], providers=["CPUExecutionProvider"])
features = np.asarray(request["features"], dtype=np.float32).reshape(request["shape"])
lengths = np.asarray(request["lengths"], dtype=np.int64)
(probabilities,) = session.run(["probabilities"], {session.get_inputs()[0].name: features, "lengths": lengths})
json.dump(
    {
        "version": ort.__version__,
        "probabilities": probabilities.tolist(),
        "metadata": session.get_modelmeta().custom_metadata_map,
        "inputs": [i.name for i in session.get_inputs()],
    },
    sys.stdout,
)
