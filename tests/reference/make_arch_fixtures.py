#!/usr/bin/env python3
"""Reference fixtures for architecture parity (tests/data/arch/<name>/).

Builds small Llama-3-, Mistral- and Qwen2-style models with random weights in Hugging Face
transformers, saves them as safetensors folders and as GGUF files (F32, F16, Q8_0) written with
the `gguf` package the way llama.cpp's converter writes them (q/k rows permuted for "llama"),
and records what transformers computes:
  logits_f32.bin  logits of every prompt position (float32, [T][vocab]) of the float model
  reference.json  prompt ids, and for each GGUF type the greedy continuation (32 tokens) that
                  transformers produces with the weights dequantised by `gguf.quants`
Run: python3 tests/reference/make_arch_fixtures.py   (needs torch, transformers, gguf, numpy)
"""
import json, math, os, sys
import numpy as np
import torch
import gguf
from gguf import GGMLQuantizationType as QT
from transformers import LlamaConfig, LlamaForCausalLM, MistralConfig, MistralForCausalLM, Qwen2Config, Qwen2ForCausalLM

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "arch")
VOCAB, HIDDEN, FF, LAYERS, HEADS, KV_HEADS = 320, 64, 128, 2, 4, 2
PROMPT = [1, 17, 250, 3, 99, 140, 7, 300, 42, 42, 11, 208, 64, 5, 190, 77]
N_GREEDY = 32

def make(name):
    common = dict(vocab_size=VOCAB, hidden_size=HIDDEN, intermediate_size=FF, num_hidden_layers=LAYERS,
                  num_attention_heads=HEADS, num_key_value_heads=KV_HEADS, max_position_embeddings=256,
                  rms_norm_eps=1e-5, initializer_range=0.15, bos_token_id=1, eos_token_id=2)
    if name == "llama3":
        cfg = LlamaConfig(**common, rope_theta=500000.0, tie_word_embeddings=False,
                          rope_scaling=dict(rope_type="llama3", factor=8.0, low_freq_factor=1.0,
                                            high_freq_factor=4.0, original_max_position_embeddings=32))
        return cfg, LlamaForCausalLM(cfg)
    if name == "mistral":
        cfg = MistralConfig(**common, rope_theta=1000000.0, tie_word_embeddings=False, sliding_window=None)
        return cfg, MistralForCausalLM(cfg)
    if name == "qwen2":
        cfg = Qwen2Config(**common, rope_theta=1000000.0, tie_word_embeddings=True, use_sliding_window=False)
        m = Qwen2ForCausalLM(cfg)
        with torch.no_grad():  # biases are zero at init: make them matter
            for l in m.model.layers:
                for p in (l.self_attn.q_proj, l.self_attn.k_proj, l.self_attn.v_proj):
                    p.bias.normal_(0, 0.5)
        return cfg, m

def permute(w, n_head):  # llama.cpp convert_hf_to_gguf.py LlamaModel.permute
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)

GGUF_NAMES = {"input_layernorm.weight": "attn_norm.weight", "self_attn.q_proj.weight": "attn_q.weight",
              "self_attn.k_proj.weight": "attn_k.weight", "self_attn.v_proj.weight": "attn_v.weight",
              "self_attn.o_proj.weight": "attn_output.weight", "self_attn.q_proj.bias": "attn_q.bias",
              "self_attn.k_proj.bias": "attn_k.bias", "self_attn.v_proj.bias": "attn_v.bias",
              "post_attention_layernorm.weight": "ffn_norm.weight", "mlp.gate_proj.weight": "ffn_gate.weight",
              "mlp.up_proj.weight": "ffn_up.weight", "mlp.down_proj.weight": "ffn_down.weight"}

def gguf_tensors(name, sd):
    arch = "qwen2" if name == "qwen2" else "llama"
    out = {}
    for k, v in sd.items():
        v = v.float().numpy()
        if k == "model.embed_tokens.weight": g = "token_embd.weight"
        elif k == "model.norm.weight": g = "output_norm.weight"
        elif k == "lm_head.weight":
            if name == "qwen2": continue  # tied
            g = "output.weight"
        else:
            parts = k.split(".")
            g = f"blk.{parts[2]}." + GGUF_NAMES[".".join(parts[3:])]
            if arch == "llama" and parts[-2] == "q_proj": v = permute(v, HEADS)
            if arch == "llama" and parts[-2] == "k_proj": v = permute(v, KV_HEADS)
        out[g] = v
    return arch, out

def quantize(v, qt):
    """Stored bytes for GGUF and the values they stand for (dequantised by gguf.quants)."""
    if qt == QT.F32 or v.ndim == 1: return v.astype(np.float32), v.astype(np.float32), QT.F32
    if qt == QT.F16:
        h = v.astype(np.float16); return h, h.astype(np.float32), QT.F16
    q = gguf.quants.quantize(v, qt)
    return q, gguf.quants.dequantize(q, qt).reshape(v.shape).astype(np.float32), qt

def write_gguf(path, name, cfg, tensors, qt):
    arch, _ = gguf_tensors(name, {})
    w = gguf.GGUFWriter(path, arch)
    w.add_name(f"quire-test-{name}")
    w.add_context_length(cfg.max_position_embeddings); w.add_embedding_length(HIDDEN)
    w.add_feed_forward_length(FF); w.add_block_count(LAYERS); w.add_head_count(HEADS)
    w.add_head_count_kv(KV_HEADS); w.add_layer_norm_rms_eps(cfg.rms_norm_eps)
    w.add_rope_freq_base(cfg.rope_theta if hasattr(cfg, "rope_theta") else cfg.rope_parameters["rope_theta"])
    w.add_rope_dimension_count(HIDDEN // HEADS)
    w.add_file_type({QT.F32: 0, QT.F16: 1, QT.Q8_0: 7}[qt])
    deq = {}
    for g, v in tensors.items():
        stored, values, t = quantize(v, qt)
        w.add_tensor(g, stored, raw_dtype=t if t not in (QT.F32, QT.F16) else None)
        deq[g] = values
    if name == "llama3":  # llama.cpp stores Llama 3.1 rope scaling as a rope_freqs tensor
        rs = dict(factor=8.0, low=1.0, high=4.0, old=32)
        dim = HIDDEN // HEADS; base = 500000.0
        freqs = 1.0 / (base ** (np.arange(0, dim, 2, dtype=np.float32) / dim))
        lo_w, hi_w = rs["old"] / rs["low"], rs["old"] / rs["high"]
        f = []
        for fr in freqs:
            wl = 2 * math.pi / fr
            if wl < hi_w: f.append(1.0)
            elif wl > lo_w: f.append(rs["factor"])
            else:
                s = (rs["old"] / wl - rs["low"]) / (rs["high"] - rs["low"])
                f.append(1.0 / ((1 - s) / rs["factor"] + s))
        w.add_tensor("rope_freqs.weight", np.array(f, dtype=np.float32))
    w.write_header_to_file(); w.write_kv_data_to_file(); w.write_tensors_to_file(); w.close()
    return deq

def unpermute(w, n_head):
    return w.reshape(n_head, w.shape[0] // n_head // 2, 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)

def model_with(name, cfg, model, deq):
    """A copy of the float model carrying the dequantised GGUF values."""
    import copy
    m = copy.deepcopy(model)
    sd = m.state_dict()
    inv = {v: k for k, v in GGUF_NAMES.items()}
    with torch.no_grad():
        for g, v in deq.items():
            if g == "rope_freqs.weight": continue
            if g == "token_embd.weight": k = "model.embed_tokens.weight"
            elif g == "output_norm.weight": k = "model.norm.weight"
            elif g == "output.weight": k = "lm_head.weight"
            else:
                p = g.split("."); k = f"model.layers.{p[1]}." + inv[".".join(p[2:])]
                if name != "qwen2" and k.endswith("q_proj.weight"): v = unpermute(v, HEADS)
                if name != "qwen2" and k.endswith("k_proj.weight"): v = unpermute(v, KV_HEADS)
            sd[k].copy_(torch.from_numpy(np.ascontiguousarray(v)))
    return m

def greedy(model):
    ids = torch.tensor([PROMPT])
    with torch.no_grad():
        out = model.generate(ids, max_new_tokens=N_GREEDY, do_sample=False, eos_token_id=None, pad_token_id=0)
    return out[0, len(PROMPT):].tolist()

def main():
    torch.manual_seed(1234)
    for name in ["llama3", "mistral", "qwen2"]:
        cfg, model = make(name)
        model = model.float().eval()
        d = os.path.join(OUT, name); os.makedirs(d, exist_ok=True)
        model.save_pretrained(os.path.join(d, "hf"), safe_serialization=True)
        with torch.no_grad():
            logits = model(torch.tensor([PROMPT])).logits[0].float().numpy()
        logits.astype("<f4").tofile(os.path.join(d, "logits_f32.bin"))
        ref = {"prompt": PROMPT, "vocab": VOCAB, "logits_shape": list(logits.shape),
               "greedy": {"hf": greedy(model)}}
        _, tensors = gguf_tensors(name, model.state_dict())
        for qt, tag in [(QT.F32, "f32"), (QT.F16, "f16"), (QT.Q8_0, "q8_0")]:
            deq = write_gguf(os.path.join(d, f"model-{tag}.gguf"), name, cfg, tensors, qt)
            ref["greedy"][tag] = greedy(model_with(name, cfg, model, deq))
        with open(os.path.join(d, "reference.json"), "w") as f:
            json.dump(ref, f, indent=1)
        print(name, "logit std", float(logits.std()), "greedy", ref["greedy"]["hf"][:8], file=sys.stderr)

if __name__ == "__main__":
    main()
