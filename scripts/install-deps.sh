#!/usr/bin/env bash
# Installs the Debian packages strata needs, only when some are missing:
# `apt-get update` and `apt-get install` run only then, so a ready machine
# pays nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libsqlite3-dev sqlite3 libssl-dev libpq-dev libpg-query-dev libprotobuf-c-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3
)
if [[ "${1:-}" == "--with-postgres" ]]; then
  packages+=(postgresql postgresql-client)
fi
# Only for `make fuzz`: clang and its runtimes (libFuzzer, ASan, UBSan).
if [[ "${1:-}" == "--with-fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
