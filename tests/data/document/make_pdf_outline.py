#!/usr/bin/env python3
"""Writes a small PDF by hand for tst_document: three pages, an outline (bookmarks) whose entries
point at pages 2 and 3 (one nested), and a justified line whose words are drawn one by one with
wide gaps and no space characters, as typesetters of manuals do.

usage: make_pdf_outline.py OUT.pdf
"""
import sys

from pdf_file import write_pdf


def pdf_string(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def page_stream(lines):
    """lines: [(x, y, [words], gap)]: each word drawn by its own Tj, `gap` points apart."""
    ops = ["BT", "/F1 12 Tf"]
    for x, y, words, gap in lines:
        ops.append(f"1 0 0 1 {x} {y} Tm")
        for i, w in enumerate(words):
            if i:
                # Move by the previous word's advance (Helvetica, ~0.55 em per character) + gap.
                ops.append(f"{len(words[i - 1]) * 12 * 0.6 + gap:.2f} 0 Td")
            ops.append(pdf_string(w) + " Tj")
    ops.append("ET")
    return "\n".join(ops).encode()


def main():
    out = sys.argv[1]
    pages = [
        [(72, 750, ["Contents"], 0)],
        [(72, 750, ["Chapter", "One"], 3), (72, 720, ["Do", "not", "enable", "this", "option"], 14)],
        [(72, 750, ["Chapter", "Two"], 3), (72, 720, ["The", "lighthouse", "keeper"], 3)],
    ]
    objs = {}
    # 1 catalog, 2 pages, 3 font, 4 outlines, 5..7 outline items, 10+2i page, 11+2i contents.
    page_ids = [10 + 2 * i for i in range(len(pages))]
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R /PageMode /UseOutlines >>"
    objs[2] = ("<< /Type /Pages /Kids [" + " ".join(f"{p} 0 R" for p in page_ids) + f"] /Count {len(pages)} >>").encode()
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objs[4] = b"<< /Type /Outlines /First 5 0 R /Last 6 0 R /Count 3 >>"
    objs[5] = f"<< /Title (Chapter One) /Parent 4 0 R /Next 6 0 R /Dest [{page_ids[1]} 0 R /XYZ 0 792 0] >>".encode()
    objs[6] = (f"<< /Title (Chapter Two) /Parent 4 0 R /Prev 5 0 R /First 7 0 R /Last 7 0 R /Count 1 "
               f"/A << /S /GoTo /D [{page_ids[2]} 0 R /Fit] >> >>").encode()
    objs[7] = f"<< /Title (The Keeper) /Parent 6 0 R /Dest [{page_ids[2]} 0 R /XYZ 72 720 0] >>".encode()
    for i, lines in enumerate(pages):
        content = page_stream(lines)
        objs[page_ids[i]] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                             f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>").encode()
        objs[page_ids[i] + 1] = f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
    write_pdf(out, objs)


if __name__ == "__main__":
    main()
