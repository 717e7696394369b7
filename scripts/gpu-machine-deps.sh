#!/usr/bin/env bash
# The GPU machine has no network and lacks some of what Quire's engine needs: PCRE2's header (its
# runtime library is installed) and OpenBLAS (with libgfortran, which it needs). `fetch` (here)
# downloads Debian's packages into .devcarry/debs (git-ignored; name .devcarry in the device
# call's carry); `unpack` (there) extracts them into /tmp/quire-deps, outside the carried tree so
# that later calls on the warm machine still find OpenBLAS, and prints that folder, to be passed
# as -DQUIRE_DEPS_PREFIX. `env` (there) prints the export that lets programs load libraries the
# machine lacks from it (eval "$(bash scripts/gpu-machine-deps.sh env)").
set -euo pipefail
cd "$(dirname "$0")/.."
P=/tmp/quire-deps
case "${1:-}" in
  fetch)
    mkdir -p .devcarry/debs
    (cd .devcarry/debs && apt-get download libpcre2-dev libopenblas-openmp-dev libopenblas0-openmp libgfortran5 >/dev/null)
    ls .devcarry/debs ;;
  unpack)
    mkdir -p "$P"
    for d in .devcarry/debs/*.deb; do dpkg -x "$d" "$P"; done
    echo "$P" ;;
  env)
    # Only what the machine lacks: the unpacked libgfortran must not shadow a system one.
    if ! ldconfig -p | grep -q 'libgfortran.so.5 '; then echo "export LD_LIBRARY_PATH=$P/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"; fi ;;
  *) echo "usage: $0 fetch | unpack | env" >&2; exit 2 ;;
esac
