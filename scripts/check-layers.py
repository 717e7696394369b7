#!/usr/bin/env python3
"""The include graph of Quire's sources, folder by folder, against the layers of
docs/architecture.md: every folder includes only itself and the layers below it, so there is no
folder cycle and nothing reaches up. Run by CI (the test `layers`); `--graph` prints the folder
graph as it is (who includes whom, how many times).

usage: scripts/check-layers.py [--graph] [SOURCE_ROOT]
"""
import os
import re
import sys

# Engine folders, lowest first. A folder may include its own headers and those of any folder of
# a lower rank; folders of the same rank do not include each other.
ENGINE_RANKS = [
    ["core"],
    ["sampling", "tokenizer", "document"],
    ["model"],
    ["memory"],
    ["backend"],
    ["cpu", "cuda"],
    ["generate"],
    ["reading"],
    ["eval", "diagnostics"],
]
RANK = {f: r for r, fs in enumerate(ENGINE_RANKS) for f in fs}
ENGINE = {"engine/" + f for f in RANK}

# Above the engine: the Qt services, the widgets over them, the two programs on top. They see
# the engine through its public header (engine/quire.h, the unit "engine"); quire-cli's GPU
# checks also reach the diagnostics. unit -> the units it may include besides itself.
PUBLIC = {"engine"}
ABOVE = {
    "kernels": set(),
    "app/services": PUBLIC,
    "ui": PUBLIC | {"app/services"},
    "app/cli": PUBLIC | {"engine/diagnostics"},
    "app/gui": PUBLIC | {"app/services", "ui"},
}
# The CUDA backend (and its checks) is the one place the kernels are included from.
KERNEL_USERS = {"engine/cuda", "engine/diagnostics"}
SOURCE_EXT = (".h", ".hpp", ".cpp", ".cu", ".cuh")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def unit_of(path):
    parts = path.split("/")
    if path == "engine/quire.h":
        return "engine"
    if parts[0] == "engine" and len(parts) > 2:
        return "engine/" + parts[1]
    if parts[0] == "app" and len(parts) > 2:
        return "app/" + parts[1]
    if parts[0] in ("ui", "kernels"):
        return parts[0]
    return None


def target_of(root, src, inc):
    """The unit an include names, or None for a file outside the sources (a generated .moc)."""
    first = inc.split("/")[0]
    if inc == "quire.h":
        return "engine"
    if "/" in inc:
        if first in RANK:
            return "engine/" + first
        if first in ("cli", "services", "gui"):
            return "app/" + first
        if first == "detail" and src.startswith("kernels/"):
            return "kernels"
    here = os.path.dirname(src)
    if os.path.exists(os.path.join(root, here, inc)):
        return unit_of(os.path.join(here, inc).replace(os.sep, "/"))
    if os.path.exists(os.path.join(root, "kernels", inc)):
        return "kernels"
    if os.path.exists(os.path.join(root, "ui", inc)):
        return "ui"
    return None


def allowed(src_unit, dst_unit):
    if src_unit == dst_unit:
        return True
    if dst_unit == "kernels":
        return src_unit in KERNEL_USERS
    if src_unit == "engine":
        return dst_unit in ENGINE
    if dst_unit == "engine":
        return src_unit in ABOVE and "engine" in ABOVE[src_unit]
    if src_unit in ENGINE:
        return dst_unit in ENGINE and RANK[dst_unit[7:]] < RANK[src_unit[7:]]
    return dst_unit in ABOVE.get(src_unit, set())


def main(argv):
    graph = "--graph" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    edges, bad, unknown = {}, [], []
    for top in ("engine", "kernels", "app", "ui"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(SOURCE_EXT):
                    continue
                src = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
                su = unit_of(src)
                if su is None:
                    continue
                if su.startswith("engine/") and su not in ENGINE and su != "engine":
                    unknown.append(f"{src}: folder {su} has no layer in scripts/check-layers.py")
                    continue
                with open(os.path.join(root, src), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for inc in INCLUDE.findall(text):
                    du = target_of(root, src, inc)
                    if du is None or du == su:
                        continue
                    edges[(su, du)] = edges.get((su, du), 0) + 1
                    if not allowed(su, du):
                        bad.append(f'{src}: includes "{inc}" ({su} -> {du})')
    if graph:
        for (s, d), n in sorted(edges.items()):
            print(f"{s} -> {d} ({n})")
    for line in unknown + bad:
        print("check-layers: " + line, file=sys.stderr)
    if unknown or bad:
        print(f"check-layers: {len(bad)} include(s) against the layers, {len(unknown)} unknown folder(s)", file=sys.stderr)
        return 1
    if not graph:
        print(f"check-layers: {len(edges)} folder edges, all downwards")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
