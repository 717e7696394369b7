#!/usr/bin/env bash
# Installs the Debian packages Quire needs to build and test (idempotent: apt runs only when
# something is missing). Run as root or with sudo available.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libgl-dev
  libpoppler-cpp-dev qpdf libqpdf-dev libtesseract-dev tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-jpn tesseract-ocr-chi-sim fonts-dejavu-core libzip-dev libssl-dev libxml2-dev libsentencepiece-dev libspdlog-dev libfmt-dev libpcre2-dev libopenblas-openmp-dev nlohmann-json3-dev zlib1g-dev
  clang libclang-rt-dev
  python3 python3-pip ca-certificates unzip
  lintian appstream desktop-file-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A python3 with pip from elsewhere (pyenv, venv) is fine too.
if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
  missing=("${missing[@]/python3-pip/}")
  missing=("${missing[@]/python3/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all packages present" >&2
fi
