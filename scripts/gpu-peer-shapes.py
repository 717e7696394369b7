# The transformers peer (SDPA, full attention, bf16, random weights) on the small models' shapes
# that `quire-cli bench --shape` also knows: prefill in chunks, then greedy decoding.
# ../shared/bench/peer_hf_baseline.py does the same for the Llama-3-8B shape only.
# Usage on the GPU machine: SHAPE=smollm2-135m|qwen2.5-1.5b LENS=16384,100000 CHUNK=8192 python3 gpu-peer-shapes.py
# Prints one JSON line per length: prefill seconds, tokens/s, peak GiB, decode ms/token.
import json, os, time
import torch
from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM
from transformers.cache_utils import DynamicCache

SHAPES = {
    "smollm2-135m": (LlamaConfig, LlamaForCausalLM,
                     dict(hidden_size=576, intermediate_size=1536, num_hidden_layers=30, num_attention_heads=9,
                          num_key_value_heads=3, vocab_size=49152, rope_theta=100000.0, tie_word_embeddings=True)),
    "qwen2.5-1.5b": (Qwen2Config, Qwen2ForCausalLM,
                     dict(hidden_size=1536, intermediate_size=8960, num_hidden_layers=28, num_attention_heads=12,
                          num_key_value_heads=2, vocab_size=151936, rope_theta=1000000.0, tie_word_embeddings=True)),
}
shape = os.environ.get("SHAPE", "smollm2-135m")
Config, Model, kw = SHAPES[shape]
cfg = Config(max_position_embeddings=1 << 20, rms_norm_eps=1e-5, attn_implementation="sdpa", **kw)
torch.manual_seed(0)
with torch.device("cuda"):
    model = Model(cfg).to(torch.bfloat16).eval()
chunk = int(os.environ.get("CHUNK", "8192"))


def prefill(n):
    ids = torch.randint(0, cfg.vocab_size, (1, n), device="cuda")
    cache = DynamicCache()
    torch.cuda.synchronize()
    torch.cuda.reset_peak_memory_stats()
    t = time.time()
    with torch.no_grad():
        for s in range(0, n, chunk):
            out = model(input_ids=ids[:, s:s + chunk], past_key_values=cache, use_cache=True, logits_to_keep=1)
            cache = out.past_key_values
    torch.cuda.synchronize()
    return time.time() - t, torch.cuda.max_memory_allocated() / 2**30, cache, out.logits[:, -1].argmax(-1, keepdim=True)


def decode(cache, tok, steps):
    torch.cuda.synchronize()
    t = time.time()
    with torch.no_grad():
        for _ in range(steps):
            out = model(input_ids=tok, past_key_values=cache, use_cache=True)
            cache, tok = out.past_key_values, out.logits[:, -1].argmax(-1, keepdim=True)
    torch.cuda.synchronize()
    return (time.time() - t) / steps


prefill(4096)  # warm-up
for n in [int(x) for x in os.environ.get("LENS", "16384,100000").split(",")]:
    try:
        dt, mem, cache, tok = prefill(n)
        row = dict(shape=shape, tokens=n, prefill_s=round(dt, 3), prefill_tok_s=round(n / dt), peak_gib=round(mem, 1),
                   decode_ms=round(decode(cache, tok, 32) * 1e3, 2))
        del cache
    except torch.OutOfMemoryError:
        row = dict(shape=shape, tokens=n, error="OOM")
    print(json.dumps(row), flush=True)
    torch.cuda.empty_cache()
