#!/usr/bin/env bash
# The GPU machine has no network and lacks one -dev package Quire's engine needs (PCRE2's
# header; its runtime library is installed). `fetch` (here) downloads Debian's libpcre2-dev into
# .devcarry/debs (git-ignored; name .devcarry in the device call's carry); `unpack` (there)
# extracts it into .devcarry/prefix, to be passed as -DQUIRE_DEPS_PREFIX.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  fetch)
    mkdir -p .devcarry/debs
    (cd .devcarry/debs && apt-get download libpcre2-dev >/dev/null)
    ls .devcarry/debs ;;
  unpack)
    mkdir -p .devcarry/prefix
    for d in .devcarry/debs/*.deb; do dpkg -x "$d" .devcarry/prefix; done
    echo "$(pwd)/.devcarry/prefix" ;;
  *) echo "usage: $0 fetch | unpack" >&2; exit 2 ;;
esac
