#!/usr/bin/env python3
"""What cuBLAS reaches on this GPU for the Llama-3-8B linear layers (through PyTorch, bf16 in,
fp32 accumulation), by row count: the ceiling for Quire's ingest (rows = tokens per GEMM) and
decode (1 row: bytes of weights per second). Run on the GPU machine; prints one line per shape."""
import torch

shapes = {"qkv": (4096, 6144), "wo": (4096, 4096), "gate_up": (4096, 28672), "down": (14336, 4096)}
torch.backends.cuda.matmul.allow_bf16_reduced_precision_reduction = False
for rows in (1, 512, 1024, 2048, 4096, 8192):
    total_t, total_f = 0.0, 0.0
    for name, (k, n) in shapes.items():
        a = torch.randn(rows, k, device="cuda", dtype=torch.bfloat16)
        w = torch.randn(n, k, device="cuda", dtype=torch.bfloat16)
        for _ in range(3):
            a @ w.t()
        reps = 50 if rows <= 2048 else 20
        s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        s.record()
        for _ in range(reps):
            a @ w.t()
        e.record()
        torch.cuda.synchronize()
        t = s.elapsed_time(e) / reps / 1e3
        f = 2.0 * rows * k * n
        total_t += t
        total_f += f
        print(f"rows {rows:5d} {name:8s} {t * 1e6:9.1f} us  {f / t / 1e12:7.1f} TFLOP/s  {2 * k * n / t / 1e9:8.1f} GB/s of weights")
    print(f"rows {rows:5d} layer    {total_t * 1e6:9.1f} us  {total_f / total_t / 1e12:7.1f} TFLOP/s; 32 layers per token: "
          f"{total_t * 32 / rows * 1e6:.2f} us")
