#!/usr/bin/env python3
"""Writes a long text PDF by hand: PAGES pages (default 1000) of 45 lines of prose each, in
Helvetica, with an outline entry per chapter (every 20 pages). A book-sized PDF for the reader's
opening time and search while reading.

usage: make_long_pdf.py OUT.pdf [PAGES]
"""
import sys

from pdf_file import write_pdf

WORDS = ("the keeper of the lighthouse wrote in his log each night about ships storms gulls and the "
         "long light that turned above the sea while the village slept below the cliffs").split()


def line_text(page, line):
    n = len(WORDS)
    return " ".join(WORDS[(page * 7 + line * 3 + k) % n] for k in range(12)) + f" {page + 1}.{line + 1}"


def page_stream(page):
    ops = ["BT", "/F1 11 Tf", "14 TL", "1 0 0 1 60 760 Tm"]
    if page % 20 == 0:
        ops.append(f"(Chapter {page // 20 + 1}) Tj T*")
    for line in range(45):
        ops.append("(" + line_text(page, line) + ") Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode()


def main():
    out = sys.argv[1]
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    chapters = (pages + 19) // 20
    objs = {}
    # 1 catalog, 2 pages, 3 font, 4 outline root, 5.. outline items, then page/content pairs
    first_item = 5
    first_page = first_item + chapters
    kids = [first_page + 2 * i for i in range(pages)]
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>"
    objs[2] = ("<< /Type /Pages /Kids [" + " ".join(f"{k} 0 R" for k in kids) + f"] /Count {pages} >>").encode()
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objs[4] = f"<< /Type /Outlines /First {first_item} 0 R /Last {first_item + chapters - 1} 0 R /Count {chapters} >>".encode()
    for c in range(chapters):
        links = ""
        if c > 0:
            links += f" /Prev {first_item + c - 1} 0 R"
        if c + 1 < chapters:
            links += f" /Next {first_item + c + 1} 0 R"
        objs[first_item + c] = (f"<< /Title (Chapter {c + 1}) /Parent 4 0 R{links} /Dest [{kids[c * 20]} 0 R /XYZ 0 792 0] >>").encode()
    for i in range(pages):
        stream = page_stream(i)
        objs[kids[i]] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {kids[i] + 1} 0 R >>").encode()
        objs[kids[i] + 1] = f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
    write_pdf(out, objs)


if __name__ == "__main__":
    main()
