#!/usr/bin/env python3
"""End-to-end check of the document mapping on a real ingested document (issue 5): for memory
blocks of a block store, the passage `quire-cli passage` reports must be the text whose tokens
the block holds, found on the pages it names, with boxes on those pages.

Three independent views are compared for each block:
  - the block's tokens, decoded by the tokenizer (from an `ask --trace` file: "blocks"[].text);
  - the passage (`quire-cli passage --store S --block N`): excerpt, pages, boxes;
  - the document's text per page extracted again (`quire-cli text --doc D --json`).

usage: check-passages.py --cli build/.../quire-cli --store S --doc D --trace T.json
                         [--samples N] [--blocks 1,2,3]
Prints one line per block and a summary; exit status 1 if any block fails.
"""
import argparse
import difflib
import json
import random
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--trace", required=True)
    ap.add_argument("--samples", type=int, default=100)
    ap.add_argument("--blocks", default="")
    a = ap.parse_args()

    trace = json.load(open(a.trace))
    token_text = {b["block"]: b["text"] for b in trace["blocks"]}
    doc = json.loads(subprocess.run([a.cli, "text", "--doc", a.doc, "--json"], check=True, capture_output=True).stdout)
    pages = {p["page"]: p for p in doc["page_list"]}

    ids = [int(x) for x in a.blocks.split(",") if x]
    rng = random.Random(5)
    ids += rng.sample(sorted(token_text), min(a.samples, len(token_text)))
    failures = 0
    for b in ids:
        out = subprocess.run([a.cli, "passage", "--store", a.store, "--block", str(b)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"block {b}: passage failed: {out.stderr.strip()}")
            failures += 1
            continue
        p = json.loads(out.stdout)
        excerpt, want = norm(p["excerpt"]), norm(token_text.get(b, ""))
        same = difflib.SequenceMatcher(None, excerpt, want, autojunk=False).ratio() if want else 0.0
        on_pages = norm(" ".join(pages[pg]["text"] for pg in p["pages"]))
        found = excerpt in on_pages
        boxes_ok = all(bx["page"] in p["pages"] and 0 <= bx["x0"] <= bx["x1"] <= pages[bx["page"]]["width"] + 1 and
                       0 <= bx["y0"] <= bx["y1"] <= pages[bx["page"]]["height"] + 1 for bx in p["boxes"]) and len(p["boxes"]) > 0
        ok = same >= 0.9 and found and boxes_ok
        failures += not ok
        print(f"block {b}: pages {p['pages']}, {len(p['boxes'])} boxes, excerpt = tokens {same:.3f}, on its pages {found}, "
              f"boxes ok {boxes_ok}{'' if ok else '  FAIL'}: {excerpt[:70]!r}")
    print(f"{len(ids) - failures} of {len(ids)} blocks ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
