#!/usr/bin/env python3
"""Reference for the 8B-shape GPU parity test (tst_cuda_backend llama3_8bShapeMatchesTransformers).

A Llama-3-8B-shaped model (hidden 4096, 32 heads, 8 KV heads, FFN 14336, vocab 128256, rope theta
500000) with 2 layers and random weights (seeded), rounded to bf16 and saved as a Hugging Face
folder; transformers then computes fp32 logits of 256 pseudo-random tokens from those same bf16
weights, keeping the last position of each 64-token block (what the test compares per step).

Usage (GPU machine, ~4 GB of disk): python3 make_llama3_8b_2layer.py OUT_DIR
Then: QUIRE_L8B_DIR=OUT_DIR ctest -R tst_cuda_backend
"""
import json, os, sys

import numpy as np
import torch
from transformers import LlamaConfig, LlamaForCausalLM

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(1234)
cfg = LlamaConfig(hidden_size=4096, intermediate_size=14336, num_hidden_layers=2, num_attention_heads=32, num_key_value_heads=8,
                  vocab_size=128256, max_position_embeddings=8192, rope_theta=500000.0, rms_norm_eps=1e-5, tie_word_embeddings=False,
                  initializer_range=0.02)
dev = "cuda" if torch.cuda.is_available() else "cpu"
torch.backends.cuda.matmul.allow_tf32 = False
with torch.device(dev):
    model = LlamaForCausalLM(cfg).to(torch.bfloat16).eval()
# Norm weights away from 1 so that they are exercised.
with torch.no_grad():
    for name, p in model.named_parameters():
        if "norm" in name:
            p.copy_(1.0 + 0.1 * torch.randn_like(p, dtype=torch.float32).to(p.dtype))
model.save_pretrained(out, safe_serialization=True)

g = np.random.default_rng(7)
tokens = [int(t) for t in g.integers(0, cfg.vocab_size, 256)]
# The reference runs in fp32 on the same (bf16-rounded) weights, in a fresh model: converting the
# bf16 model back with .float() would keep its RoPE inverse frequencies rounded to bf16 (they are
# a buffer), which moves the angles of later positions by up to half a radian.
state = {k: v.float() for k, v in model.state_dict().items()}
del model
with torch.device(dev):
    ref = LlamaForCausalLM(cfg).float().eval()
ref.load_state_dict(state)
with torch.no_grad():
    logits = ref(torch.tensor([tokens], device=dev)).logits[0]
keep = logits[63::64].float().cpu().numpy().astype(np.float32)
keep.tofile(os.path.join(out, "logits.f32"))
with open(os.path.join(out, "tokens.json"), "w") as f:
    json.dump({"tokens": tokens, "positions": list(range(63, 256, 64))}, f)
print(f"wrote {out}: {keep.shape[0]} x {keep.shape[1]} logits")
