#!/usr/bin/env bash
# Refreshes the SPDX license and exception identifiers that `check` validates License-Expression against.
# Source: the npm packages spdx-license-ids and spdx-exceptions (generated from https://spdx.org/licenses/).
# Usage: scripts/refresh-spdx-lists.sh [LICENSE_IDS_VERSION] [EXCEPTIONS_VERSION]   (default: latest)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/io/logflux/release/check
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "spdx-license-ids@${1:-latest}" "spdx-exceptions@${2:-latest}" >/dev/null)
for tgz in "$work"/*.tgz; do
  name=$(basename "$tgz" .tgz)
  mkdir -p "$work/$name" && tar -xzf "$tgz" -C "$work/$name" --strip-components=1
done
ids=$(ls -d "$work"/spdx-license-ids-*/ | head -1)
exceptions=$(ls -d "$work"/spdx-exceptions-*/ | head -1)
to_lines() { node -e 'for (const id of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) console.log(id)' "$1"; }
{ echo "# SPDX license identifiers, from npm spdx-license-ids $(node -p "require('$ids/package.json').version"). Refresh: scripts/refresh-spdx-lists.sh"; to_lines "$ids/index.json"; } > "$out/spdx-license-ids.txt"
{ echo "# Deprecated SPDX license identifiers, from the same package."; to_lines "$ids/deprecated.json"; } > "$out/spdx-license-ids-deprecated.txt"
{ echo "# SPDX license exception identifiers, from npm spdx-exceptions $(node -p "require('$exceptions/package.json').version")."; to_lines "$exceptions/index.json"; to_lines "$exceptions/deprecated.json"; } > "$out/spdx-exceptions.txt"
wc -l "$out"/spdx-*.txt
