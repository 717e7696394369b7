#!/usr/bin/env python3
"""Reference token ids for the tokenizer tests (tests/data/tokenizer/*.jsonl), one JSON object
per line: {"text": ..., "ids": [...]}, without BOS.
  llama2.jsonl          python sentencepiece on ../shared/tokenizers/llama2/tokenizer.model
  llama3.jsonl          tiktoken on ../shared/tokenizers/llama3/tokenizer.model, encode_ordinary
  llama3_special.jsonl  the same with allowed_special="all" (special-token text parsed)
  llama3_qwen2_pattern.jsonl, llama3_gpt2_pattern.jsonl
                        tiktoken with the Llama 3 ranks but Qwen2's / GPT-2's split patterns (checks
                        PCRE2 against tiktoken's regex engine on each pattern)
  hf_bpe/tokenizer.json + hf_bpe.jsonl
                        a small byte-level BPE trained by Hugging Face `tokenizers` on the test
                        strings, saved as tokenizer.json, and its ids (checks the tokenizer.json reader)
  smollm2.jsonl         Hugging Face `tokenizers` with SmolLM2's vocabulary and merges (read from its GGUF
                        by transformers) and SmolLM2's pre-tokenizer (tokenizer.ggml.pre "smollm": Digits
                        with individual digits, then ByteLevel), special text parsed
Run: python3 tests/reference/make_tokenizer_fixtures.py [SMOLLM2_GGUF]
"""
import base64, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tokenizer_strings import strings

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "tokenizers")
OUT = os.path.join(HERE, "..", "data", "tokenizer")
QWEN2_PATTERN = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
GPT2_PATTERN = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"
LLAMA3_PATTERN = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"

def write(name, rows):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for text, ids in rows:
            f.write(json.dumps({"text": text, "ids": ids}, ensure_ascii=False) + "\n")
    print(name, len(rows), file=sys.stderr)

def main():
    texts = strings()
    import sentencepiece as spm
    sp = spm.SentencePieceProcessor(model_file=os.path.join(SHARED, "llama2", "tokenizer.model"))
    write("llama2.jsonl", [(t, sp.encode(t)) for t in texts])

    import tiktoken
    ranks = {}
    with open(os.path.join(SHARED, "llama3", "tokenizer.model"), "rb") as f:
        for line in f:
            if line.strip():
                tok, rank = line.split()
                ranks[base64.b64decode(tok)] = int(rank)
    names = ["<|begin_of_text|>", "<|end_of_text|>", "<|reserved_special_token_0|>", "<|reserved_special_token_1|>",
             "<|finetune_right_pad_id|>", "<|step_id|>", "<|start_header_id|>", "<|end_header_id|>", "<|eom_id|>",
             "<|eot_id|>", "<|python_tag|>", "<|image|>"]
    names += [f"<|reserved_special_token_{i}|>" for i in range(2, 2 + 256 - len(names))]
    enc = tiktoken.Encoding("llama3", pat_str=LLAMA3_PATTERN, mergeable_ranks=ranks,
                            special_tokens={n: 128000 + i for i, n in enumerate(names)})
    write("llama3.jsonl", [(t, enc.encode_ordinary(t)) for t in texts])
    write("llama3_special.jsonl", [(t, enc.encode(t, allowed_special="all")) for t in texts])

    for tag, pat in [("qwen2", QWEN2_PATTERN), ("gpt2", GPT2_PATTERN)]:
        e = tiktoken.Encoding(f"llama3-{tag}", pat_str=pat, mergeable_ranks=ranks, special_tokens={})
        write(f"llama3_{tag}_pattern.jsonl", [(t, e.encode_ordinary(t)) for t in texts])

    from tokenizers import Tokenizer, models, pre_tokenizers, decoders, trainers
    hf = Tokenizer(models.BPE())
    hf.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    hf.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    hf.train_from_iterator(texts * 3, trainer)
    os.makedirs(os.path.join(OUT, "hf_bpe"), exist_ok=True)
    hf.save(os.path.join(OUT, "hf_bpe", "tokenizer.json"))
    write("hf_bpe.jsonl", [(t, hf.encode(t).ids) for t in texts])

    if len(sys.argv) > 1:
        from transformers import AutoTokenizer
        path = sys.argv[1]
        from tokenizers import pre_tokenizers
        tok = AutoTokenizer.from_pretrained(os.path.dirname(path), gguf_file=os.path.basename(path))
        # transformers' GGUF import keeps only the ByteLevel step; SmolLM2's own tokenizer.json
        # (and llama.cpp's "smollm" pre-type) isolate each digit first.
        tok.backend_tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
            [pre_tokenizers.Digits(individual_digits=True),
             pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)])
        write("smollm2.jsonl", [(t, tok.encode(t, add_special_tokens=False)) for t in texts])

if __name__ == "__main__":
    main()
