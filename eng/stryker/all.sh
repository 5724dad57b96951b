#!/usr/bin/env bash
# Every slice of the core package, one after another (hours on 2 cores; see docs/quality.md).
# Run one slice alone with eng/stryker/run.sh; add the reports up with eng/stryker/summary.py.
set -uo pipefail
cd "$(dirname "$0")"
run() { ./run.sh "$@" > "${STRYKER_LOG_DIR:-/tmp}/stryker-$1.log" 2>&1 || echo "slice $1 failed" >&2; }
run dosing        "**/Dosing/**/*.cs"
run rules         "**/Rules/**/*.cs"
run small         "**/Sessions/**/*.cs" "**/Anatomy/**/*.cs" "**/Billing/**/*.cs" "**/Utility/**/*.cs" "**/Localization/**/*.cs"
run protocols     "**/Protocols/**/*.cs" "**/Definitions/**/*.cs"
run reports       "**/Reports/**/*.cs" "**/Charts/**/*.cs"
run rendering     "**/Rendering/**/*.cs"
run primitives    "**/Primitives/**/*.cs"
run input         "**/Input/**/*.cs"
run serialization "**/Serialization/**/*.cs"
run diaries       "**/Diaries/**/*.cs"
run outcomes      "**/Outcomes/**/*.cs"
