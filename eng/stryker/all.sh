#!/usr/bin/env bash
# The whole core package in four runs, one after another (about 2 hours on 2 idle cores; see
# docs/quality.md, "Mutation testing"). Each run captures per-test coverage once (about 5 minutes), so
# a few large runs are cheaper than one per namespace; the summary splits the reports by namespace.
# Run one slice alone with eng/stryker/run.sh; add the reports up with eng/stryker/summary.py.
#   STRYKER_CONCURRENCY=2 eng/stryker/all.sh      # both cores, when nothing else runs
set -uo pipefail
cd "$(dirname "$0")"
run() { ./run.sh "$@" > "${STRYKER_LOG_DIR:-/tmp}/stryker-$1.log" 2>&1 || echo "slice $1 failed" >&2; }
run dosing   "**/Dosing/**/*.cs"
run model    "**/Primitives/**/*.cs" "**/Input/**/*.cs" "**/Serialization/**/*.cs" "**/Sessions/**/*.cs" \
             "**/Anatomy/**/*.cs" "**/Billing/**/*.cs" "**/Utility/**/*.cs" "**/Localization/**/*.cs" \
             "**/Protocols/**/*.cs" "**/Definitions/**/*.cs"
run analysis "**/Diaries/**/*.cs" "**/Outcomes/**/*.cs" "**/Reports/**/*.cs" "**/Charts/**/*.cs" "**/Rendering/**/*.cs"
run rules    "**/Rules/**/*.cs"
