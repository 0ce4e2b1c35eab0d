#!/usr/bin/env bash
# Installs the squawk linter (npm package squawk-cli) into a scratch folder and prints the path
# of its binary, for bench/lint_bench.sh.
#
#   bash bench/lint_tools.sh [SCRATCH]      # default: ${TMPDIR:-/tmp}/strata-lint-tools
#
# squawk-cli is a small node wrapper; the real program is a native binary that npm installs as
# an optional dependency (@squawk-cli/linux-x64 here). The path printed is that binary, so the
# benchmark times squawk itself, not node starting it; when the optional dependency is missing
# the wrapper's path is printed instead, with a warning on stderr.
#
# Environment: SQUAWK_VERSION (default 2.66.0; the benchmark's figures are for a pinned version),
# SQUAWK_BIN (an existing squawk binary: printed as it is, nothing installed).
# Installs nodejs and npm with apt-get when npm is missing (as root, or through sudo).
# A second run with the same folder and version reuses the install (no network).
set -euo pipefail

die() { echo "lint_tools.sh: $*" >&2; exit 2; }

if [ -n "${SQUAWK_BIN:-}" ]; then
  [ -x "$SQUAWK_BIN" ] || die "SQUAWK_BIN=$SQUAWK_BIN is not executable"
  echo "$SQUAWK_BIN"
  exit 0
fi

VERSION=${SQUAWK_VERSION:-2.66.0}
SCRATCH=${1:-${TMPDIR:-/tmp}/strata-lint-tools}
mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)

# The native binary, if the platform package is installed: resolved the way the wrapper does it.
native_bin() {
  node -e '
    const dir = process.argv[1];
    try {
      const idx = require.resolve("squawk-cli/js/index.js", { paths: [dir] });
      console.log(require(idx).getBinaryPath());
    } catch (e) { process.exit(1); }' "$SCRATCH" 2>/dev/null
}

installed_version() {
  node -e 'const p = require("path");
    try { console.log(require(p.join(process.argv[1], "node_modules", "squawk-cli", "package.json")).version) }
    catch (e) {}' \
    "$SCRATCH" 2>/dev/null || true
}

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "lint_tools.sh: installing nodejs and npm (apt-get)" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >&2
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

if [ "$(installed_version)" != "$VERSION" ]; then
  echo "lint_tools.sh: npm install squawk-cli@$VERSION into $SCRATCH" >&2
  # --include=optional: the native binary is an optional dependency; keep npm's chatter off
  # stdout, which carries only the path.
  npm install --prefix "$SCRATCH" --no-audit --no-fund --no-save --include=optional \
    "squawk-cli@$VERSION" >&2 || die "npm install squawk-cli@$VERSION failed"
fi

if BIN=$(native_bin) && [ -x "$BIN" ]; then
  echo "$BIN"
elif [ -x "$SCRATCH/node_modules/.bin/squawk" ]; then
  echo "lint_tools.sh: no native squawk binary for this platform; using the node wrapper" >&2
  echo "$SCRATCH/node_modules/.bin/squawk"
else
  die "squawk-cli is not installed in $SCRATCH"
fi
