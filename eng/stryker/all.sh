#!/usr/bin/env bash
# The whole core package, run by run, one after another (hours on 2 cores; see docs/quality.md,
# "Mutation testing"). Each run captures per-test coverage once (1-2 minutes) and writes its report
# only when it ends, so the runs are sized to finish on their own: an interrupted run loses only itself.
# Add the reports up with eng/stryker/summary.py; after new tests, eng/stryker/rerun.py re-tests only
# the survivors.
#   STRYKER_CONCURRENCY=2 eng/stryker/all.sh      # both cores, when nothing else runs
set -uo pipefail
cd "$(dirname "$0")"
run() { ./run.sh "$@" > "${STRYKER_LOG_DIR:-/tmp}/stryker-$1.log" 2>&1 || echo "run $1 failed" >&2; }
run dosing        "**/Dosing/**/*.cs"
run model         "**/Primitives/**/*.cs" "**/Input/**/*.cs" "**/Serialization/**/*.cs" "**/Sessions/**/*.cs" \
                  "**/Anatomy/**/*.cs" "**/Billing/**/*.cs" "**/Utility/**/*.cs" "**/Localization/**/*.cs" \
                  "**/Protocols/**/*.cs" "**/Definitions/**/*.cs"
run rules-reports "**/Rules/**/*.cs" "**/Reports/**/*.cs"
run charts        "**/Charts/**/*.cs"
run rendering     "**/Rendering/**/*.cs"
# Outcomes and Diaries in two parts each: the code, then their static initialisers (data tables,
# citations), whose mutants Stryker runs on a fresh test host each (static_spans.py).
run outcomes      "**/Outcomes/**/*.cs" $(./static_spans.py --exclude Outcomes)
run diaries       "**/Diaries/**/*.cs" $(./static_spans.py --exclude Diaries)
run static        $(./static_spans.py --include Outcomes Diaries)
