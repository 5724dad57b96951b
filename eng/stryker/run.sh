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
# One copy for all slices (incremental builds): only files whose content changed are rewritten.
# Set STRYKER_COPY to a separate folder to run two slices at once.
copy=${STRYKER_COPY:-${STRYKER_COPY_ROOT:-/tmp/stryker-run}/copy}
staging=$copy.staging
rm -rf "$staging"; mkdir -p "$staging" "$copy"
git -C "$root" archive HEAD | tar -x -C "$staging"
tests=tests/MigraineProtocol.Tests
rm -rf "$staging/$tests/Fhir" "$staging/$tests/Packaging" "$staging/$tests/Arbitraries/FhirArbitraries.cs"
# The slowest tests (2-10 s each, far more under load) time out during per-test coverage capture, and a
# test whose coverage is unknown ("Dubious") is run for EVERY mutant: they are skipped in the copy.
# Each checks something other than the core's logic (fuzz smoke runs, the layering checker itself).
# Leaving tests out or running fewer property cases can only turn killed mutants into survivors.
python3 - "$staging/$tests" <<'PY'
import pathlib, re, sys
heavy = {
    "Input/HostileInputTests.cs": "MutatedExamplesNeverThrow",          # 300 mutated examples through every reader
    "Input/FuzzRegressionTests.cs": "TheMutatorFindsNothingInAShortRun",  # a fuzz smoke run
    "Architecture/LayeringTests.cs": "APartiallyQualifiedReferenceIsCaught",  # compiles code with Roslyn
}
for file, method in heavy.items():
    path = pathlib.Path(sys.argv[1], file)
    text = path.read_text()
    text, n = re.subn(r"\[(Fact|Property)(\(([^)]*)\))?\](\s*public [^(]* " + method + r"\()",
                      lambda m: f"[{m.group(1)}({(m.group(3) + ', ') if m.group(3) else ''}Skip = \"mutation run: slow\")]{m.group(4)}", text)
    if n != 1:
        sys.exit(f"{file}: {method} not found")
    path.write_text(text)
# FsCheck properties run at most $STRYKER_MAX_TEST cases (default 25) instead of 100-500: a mutant is
# run against every test that covers it, and the properties dominate that time.
limit = int(__import__("os").environ.get("STRYKER_MAX_TEST", "25"))
for path in pathlib.Path(sys.argv[1]).rglob("*.cs"):
    text = path.read_text()
    new = re.sub(r"MaxTest = (\d+)", lambda m: f"MaxTest = {min(int(m.group(1)), limit)}", text)
    new = re.sub(r"\[Property\]", f"[Property(MaxTest = {limit})]", new)
    new = re.sub(r"\[Property\((?![^\n]*MaxTest)", f"[Property(MaxTest = {limit}, ", new)
    if new != text:
        path.write_text(new)
PY
python3 - "$staging" "$copy" <<'PY'
import filecmp, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
keep = {"bin", "obj", "StrykerOutput"}
for base, dirs, files in os.walk(dst, topdown=True):
    dirs[:] = [d for d in dirs if d not in keep]
    rel = os.path.relpath(base, dst)
    for name in dirs + files:
        if not os.path.lexists(os.path.join(src, rel, name)):
            path = os.path.join(base, name)
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
for base, dirs, files in os.walk(src):
    rel = os.path.relpath(base, src)
    os.makedirs(os.path.join(dst, rel), exist_ok=True)
    for name in files:
        a, b = os.path.join(base, name), os.path.join(dst, rel, name)
        if not os.path.exists(b) or not filecmp.cmp(a, b, shallow=False):
            shutil.copyfile(a, b)
PY
rm -rf "$staging"
args=()
for glob in "$@"; do args+=(--mutate "$glob"); done
out=$root/artifacts/stryker/$name
rm -rf "$out"; mkdir -p "$out"
git -C "$root" rev-parse HEAD > "$out/commit"
# Stryker writes the mutated core assembly over the one in the test output; a run that was stopped
# leaves it there, and an incremental build does not replace a newer file: delete it.
rm -f "$copy/$tests"/bin/*/*/MigraineProtocol.dll
cd "$copy/$tests"
dotnet tool restore >/dev/null
nice -n "${STRYKER_NICE:-0}" dotnet stryker --config-file "$copy/eng/stryker/stryker-config.json" --skip-version-check \
  --concurrency "${STRYKER_CONCURRENCY:-1}" "${args[@]}" --output "$out" &
stryker=$!
# Stryker 5.1.0 stalls per-test coverage capture on a dead test host's relay file (see the script).
"$root/eng/stryker/relay-watchdog.py" "$stryker" > "$out/relay-watchdog.log" 2>&1 &
wait "$stryker"
