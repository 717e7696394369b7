#!/usr/bin/env bash
# The Debian package test (scripts/test.sh runs it after the test suite, so CI does):
#   bash packaging/test-package.sh BUILD_DIR
# packages BUILD_DIR with CPack, checks the package with lintian (no errors allowed), installs it
# (apt-get as root or through sudo; without either, or when a quire package is already installed,
# it is unpacked into a scratch root instead and says so), then, with an empty home and no model
# cache, runs the installed `quire --version`, `quire-cli info` on the installed default model and
# without --model (found through the install prefix), starts the GUI offscreen on its demo book
# for a few seconds, removes the package and checks that none of its files is left.
set -euo pipefail
B="$(cd "${1:?usage: test-package.sh BUILD_DIR}" && pwd)"
say() { echo "test-package: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

cd "$B"
rm -f quire_*.deb
cpack -G DEB >cpack.log 2>&1 || { tail -30 cpack.log; fail "cpack"; }
DEB="$B/$(ls quire_*.deb)"
VERSION=$(dpkg-deb -f "$DEB" Version)
say "built $(basename "$DEB") ($(du -h "$DEB" | cut -f1)), Depends: $(dpkg-deb -f "$DEB" Depends)"

if command -v lintian >/dev/null; then
  lintian --fail-on error --tag-display-limit 0 "$DEB" 2>&1 | grep -v "running with root privileges" || true
  lintian --fail-on error "$DEB" >/dev/null 2>&1 || fail "lintian reports errors"
  say "lintian: no errors"
else
  fail "lintian is not installed (scripts/install-deps.sh installs it)"
fi

# The desktop entry and the AppStream metadata as the package has them.
META="$(mktemp -d)"
dpkg-deb -x "$DEB" "$META"
desktop-file-validate "$META/usr/share/applications/io.github.quire.Quire.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$META/usr/share/metainfo/io.github.quire.Quire.metainfo.xml" >/dev/null ||
  { appstreamcli validate --no-net "$META/usr/share/metainfo/io.github.quire.Quire.metainfo.xml"; fail "appstreamcli validate"; }
rm -rf "$META"
say "desktop entry and AppStream metadata validate"

SUDO=""
MODE=install
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else MODE=extract; say "not root and no sudo: unpacking instead of installing"; fi
fi
if [ "$MODE" = install ] && dpkg-query -W -f='${Status}' quire 2>/dev/null | grep -q "install ok installed"; then
  MODE=extract
  say "a quire package is already installed here: unpacking into a scratch root instead of replacing it"
fi

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
if [ "$MODE" = install ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq --no-install-recommends "$DEB" >"$SCRATCH/apt.log" 2>&1 || { cat "$SCRATCH/apt.log"; fail "install"; }
  ROOT=""
  say "installed with apt-get"
else
  ROOT="$SCRATCH/root"
  dpkg-deb -x "$DEB" "$ROOT"
fi
BIN="$ROOT/usr/bin"

# The installed app, as a new user would start it: an empty home, no model cache, no settings.
export HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/home/.config" XDG_DATA_HOME="$SCRATCH/home/.local/share" \
       XDG_CACHE_HOME="$SCRATCH/home/.cache" QT_QPA_PLATFORM=offscreen
unset QUIRE_MODEL_CACHE QUIRE_DEMO_DIR
mkdir -p "$HOME"

out=$("$BIN/quire" --version) || fail "quire --version"
[ "$out" = "quire $VERSION" ] || fail "quire --version says '$out', the package is $VERSION"
say "quire --version: $out"

MODEL="$ROOT/usr/share/quire/models/SmolLM2-135M-Instruct.Q4_1.gguf"
if [ -f "$MODEL" ]; then
  "$BIN/quire-cli" info --model "$MODEL" >"$SCRATCH/info.txt" || fail "quire-cli info --model $MODEL"
  grep -qi "llama" "$SCRATCH/info.txt" || { cat "$SCRATCH/info.txt"; fail "quire-cli info does not describe the model"; }
  "$BIN/quire-cli" info >"$SCRATCH/info-default.txt" 2>"$SCRATCH/info-default.err" || { cat "$SCRATCH/info-default.err"; fail "quire-cli info without --model"; }
  cmp -s "$SCRATCH/info.txt" "$SCRATCH/info-default.txt" || fail "quire-cli info without --model describes another model"
  say "quire-cli info: the installed default model, with and without --model"
else
  say "the package has no default model (it was not in the model cache when cpack ran): info skipped"
fi

# The CUDA backend is a library loaded at run time: backend-check says what it found (a GPU, or
# why not) and exits 0 without one. Then the CUDA libraries are hidden (a private mount namespace
# over their folder, as on a machine without the toolkit or the driver): the same binaries still
# start and answer on the CPU, saying why.
"$BIN/quire-cli" backend-check >"$SCRATCH/check.txt" 2>&1 || { cat "$SCRATCH/check.txt"; fail "quire-cli backend-check"; }
say "backend-check: $(head -1 "$SCRATCH/check.txt")"
if [ -f "$MODEL" ]; then
  # (awk reads to the end: an early exit would kill ldconfig with SIGPIPE, fatal under pipefail)
  CUBLAS=$(ldconfig -p | awk '/libcublas\.so\./ && !found {print $NF; found = 1}')
  if [ -n "$CUBLAS" ] && [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    mkdir -p "$SCRATCH/empty"
    hidden=$(dirname "$(readlink -f "$CUBLAS")")
    unshare -m sh -c "mount --bind '$SCRATCH/empty' '$hidden' && exec '$BIN/quire-cli' generate --model '$MODEL' --prompt 'The lighthouse keeper' -n 8 -v" \
      >"$SCRATCH/gen.txt" 2>"$SCRATCH/gen.err" || { cat "$SCRATCH/gen.err"; fail "quire-cli without the CUDA libraries"; }
    grep -q "on the CPU" "$SCRATCH/gen.err" || { cat "$SCRATCH/gen.err"; fail "quire-cli without the CUDA libraries did not say it uses the CPU"; }
    [ -s "$SCRATCH/gen.txt" ] || fail "quire-cli without the CUDA libraries generated nothing"
    say "without the CUDA libraries ($hidden hidden): $(grep -m1 "on the CPU" "$SCRATCH/gen.err" | sed 's/^\[[^]]*\] \[[a-z]*\] //')"
  else
    "$BIN/quire-cli" generate --model "$MODEL" --prompt "The lighthouse keeper" -n 8 >"$SCRATCH/gen.txt" || fail "quire-cli generate"
    say "generate works; the CUDA libraries could not be hidden here (none installed, not root, or no mount namespaces)"
  fi
fi

# The GUI: it must still be running after a few seconds (timeout's 124), opening the demo book.
set +e
timeout 8 "$BIN/quire" >"$SCRATCH/gui.log" 2>&1
rc=$?
set -e
[ $rc -eq 124 ] || { tail -30 "$SCRATCH/gui.log"; fail "the GUI exited with $rc within 8 s"; }
[ -n "$(find "$XDG_DATA_HOME" -name "*.sqlite*" -o -name "*.db")" ] || { tail -30 "$SCRATCH/gui.log"; fail "the GUI made no library"; }
say "GUI: started offscreen, ran 8 s, made its library"
if [ -f "$MODEL" ]; then
  grep -q "loaded $ROOT/usr/share/quire/models/" "$SCRATCH/gui.log" || { tail -30 "$SCRATCH/gui.log"; fail "the GUI did not load the installed default model"; }
  say "GUI: loaded the installed default model"
fi

if [ "$MODE" = install ]; then
  $SUDO apt-get remove --purge -y -qq quire >"$SCRATCH/apt.log" 2>&1 || { cat "$SCRATCH/apt.log"; fail "removal"; }
  left=0
  while read -r f; do
    f="/${f#./}"
    [ -d "$f" ] || { [ -e "$f" ] && { say "left after removal: $f"; left=1; }; }
  done < <(dpkg-deb -c "$DEB" | awk '{print $6}')
  [ $left -eq 0 ] || fail "files left after removal"
  say "removed; no file of the package is left"
fi
say "passed"
