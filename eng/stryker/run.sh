#!/usr/bin/env bash
# Mutation testing of the core package (src/MigraineProtocol) with Stryker.NET, one slice at a time.
#
#   eng/stryker/run.sh NAME GLOB [GLOB...]      e.g.  eng/stryker/run.sh dosing "**/Dosing/**/*.cs"
#
# Stryker swaps the mutated assembly into the test project's output, so it runs in a throw-away copy
# of the committed tree (git archive HEAD) under $STRYKER_COPY_ROOT (default /tmp/stryker-run), never
# in the worktree. In the copy the tests of the other packages that are slow and cannot kill a core
# mutant any other test does not also reach are left out (docs/quality.md, "Mutation testing"):
#   Fhir/          FHIR mapping tests, 45 s of Firely validation (they test MigraineProtocol.Fhir)
#   Packaging/     the opt-in AOT consumer build
# Leaving tests out can only turn killed mutants into survivors, so the score is a lower bound.
# The JSON report goes to artifacts/stryker/NAME/reports/mutation-report.json of the worktree.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NAME GLOB [GLOB...]" >&2; exit 2; }
root=$(git rev-parse --show-toplevel)
name=$1; shift
copy=${STRYKER_COPY_ROOT:-/tmp/stryker-run}/$name
rm -rf "$copy"; mkdir -p "$copy"
git -C "$root" archive HEAD | tar -x -C "$copy"
tests=$copy/tests/MigraineProtocol.Tests
rm -rf "$tests/Fhir" "$tests/Packaging" "$tests/Arbitraries/FhirArbitraries.cs"
args=()
for glob in "$@"; do args+=(--mutate "$glob"); done
out=$root/artifacts/stryker/$name
rm -rf "$out"; mkdir -p "$out"
cd "$tests"
dotnet tool restore >/dev/null
nice -n 10 dotnet stryker --config-file "$copy/eng/stryker/stryker-config.json" --skip-version-check \
  "${args[@]}" --output "$out"
