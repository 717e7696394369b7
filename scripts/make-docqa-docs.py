#!/usr/bin/env python3
"""Writes the documents of the docqa question sets (tests/data/docqa/) from the Debian packages
that ship them: the GNU manuals of gzip, grep and coreutils as plain text.

    python3 scripts/make-docqa-docs.py [--out DIR] [--names NAME,...]

--names writes other manuals the same way (the shelf evaluation's other books:
`--names gettext,gnupg --out .evcarry/shelf`, kept out of git); a manual split into
NAME.info-1.gz, NAME.info-2.gz, ... is joined in order.

The texts are the packages' Info files (/usr/share/info/NAME.info.gz) without Info's control
bytes: the node separators (0x1f), the index markers and the trailing tag table; every word of
the manual stays as it is. The manuals are under the GNU Free Documentation License 1.3 with no
Invariant Sections and no Cover Texts, and each text carries the license and the copyright
notices, as verbatim copies must. Run it on a machine with the packages installed; the test
of the question sets (tests/engine/eval/tst_docqa.cpp) checks that every question's evidence is
in its document."""
import argparse
import glob
import gzip
import os
import re
import subprocess

MANUALS = ['gzip', 'grep', 'coreutils']


def info_to_text(raw):
    t = raw.decode('utf-8')
    cut = t.find('\x1f\nTag Table:')
    if cut >= 0:
        t = t[:cut]
    t = t.replace('\x00\x08[index\x00\x08]', '')
    t = re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', '', t)
    return t.rstrip() + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='tests/data/docqa')
    ap.add_argument('--names', default=','.join(MANUALS))
    args = ap.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)
    for name in args.names.split(','):
        parts = sorted(glob.glob(f'/usr/share/info/{name}.info-*.gz'), key=lambda p: int(re.search(r'-(\d+)\.gz$', p).group(1)))
        raw = b''
        for path in parts or [f'/usr/share/info/{name}.info.gz']:
            with gzip.open(path) as f:
                raw += f.read()
        text = info_to_text(raw)
        version = subprocess.run(['dpkg-query', '-W', '-f', '${Version}', name], capture_output=True, text=True).stdout.strip()
        with open(f'{out}/{name}-manual.txt', 'w', encoding='utf-8') as f:
            f.write(text)
        print(f'{name}-manual.txt: Debian {name} {version}, {len(text)} characters')


if __name__ == '__main__':
    main()
