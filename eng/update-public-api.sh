#!/usr/bin/env bash
# Adds every new public symbol of the packable projects to their PublicAPI.Unshipped.txt (RS0016 fix-all).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in src/*/; do
  [ -f "$p/PublicAPI.Unshipped.txt" ] || continue
  dotnet format analyzers "$p" --diagnostics RS0016 --severity info
done
