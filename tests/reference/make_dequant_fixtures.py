#!/usr/bin/env python3
"""Dequantisation reference (tests/data/dequant): random blocks of each GGML block type (scales
set to finite fp16 values) and the fp32 values the `gguf` package's dequantize() gives for them.
Run: python3 tests/reference/make_dequant_fixtures.py
"""
import json, os
import numpy as np
import gguf
from gguf import GGMLQuantizationType as QT
from gguf.constants import GGML_QUANT_SIZES

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "dequant")
# Byte offsets of the fp16 scales inside each block (kept finite so every value is comparable).
SCALES = {QT.Q4_0: [0], QT.Q4_1: [0, 2], QT.Q5_0: [0], QT.Q5_1: [0, 2], QT.Q8_0: [0],
          QT.Q4_K: [0, 2], QT.Q5_K: [0, 2], QT.Q6_K: [208]}

def main():
    rng = np.random.default_rng(5)
    os.makedirs(OUT, exist_ok=True)
    index = []
    for qt, pos in SCALES.items():
        block_elems, block_bytes = GGML_QUANT_SIZES[qt]
        nb = 6
        raw = rng.integers(0, 256, size=(nb, block_bytes), dtype=np.uint8)
        for b in range(nb):
            for p in pos:
                raw[b, p:p + 2] = np.frombuffer(np.float16(rng.normal(0, 0.05)).tobytes(), dtype=np.uint8)
        vals = gguf.quants.dequantize(raw.reshape(-1), qt).astype("<f4").reshape(-1)
        raw.tofile(os.path.join(OUT, f"{qt.name}.raw"))
        vals.tofile(os.path.join(OUT, f"{qt.name}.f32"))
        index.append({"type": qt.name, "id": int(qt), "elements": int(nb * block_elems)})
    with open(os.path.join(OUT, "index.json"), "w") as f:
        json.dump(index, f, indent=1)

if __name__ == "__main__":
    main()
