#!/usr/bin/env bash
# Runs one fuzz target under AFL++ with SharpFuzz (docs/quality.md, "Fuzzing").
# Usage: tests/MigraineProtocol.Fuzz/run-afl.sh TARGET SECONDS [OUT]
#   TARGET: session | history | definitions | diary | cohort | adverse-events | fhir | cds-hooks
# Builds the fuzz project once into artifacts/fuzz, instruments the library assemblies with the
# sharpfuzz tool (dotnet tool restore), and runs afl-fuzz at the lowest priority. Prints the
# executions, run time, crashes and hangs from AFL++'s fuzzer_stats; exit 1 when AFL++ saved a crash or hang.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=$1; seconds=$2; out=${3:-artifacts/afl/$target}
bin=artifacts/fuzz
if [ ! -f "$bin/.instrumented" ]; then
  dotnet build tests/MigraineProtocol.Fuzz -c Release -o "$bin" > /tmp/fuzz-build.log 2>&1 || { cat /tmp/fuzz-build.log; exit 2; }
  dotnet tool restore > /dev/null
  for dll in MigraineProtocol.dll MigraineProtocol.Fhir.dll MigraineProtocol.CdsHooks.dll; do dotnet sharpfuzz "$bin/$dll" > /dev/null; done
  touch "$bin/.instrumented"
fi
rm -rf "$out"; mkdir -p "$out"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1
nice -n 19 afl-fuzz -V "$seconds" -i "tests/MigraineProtocol.Fuzz/seeds/$target" -o "$out" -t 5000 -m none -- "$bin/MigraineProtocol.Fuzz" "$target" > "$out/afl.log" 2>&1 || true
stats="$out/default/fuzzer_stats"
[ -f "$stats" ] || { tail -30 "$out/afl.log"; exit 2; }
get() { awk -F' *: *' -v k="$1" '$1==k{print $2}' "$stats"; }
echo "$target: execs_done=$(get execs_done) run_time=$(get run_time)s execs_per_sec=$(get execs_per_sec) corpus=$(get corpus_count) saved_crashes=$(get saved_crashes) saved_hangs=$(get saved_hangs)"
[ "$(get saved_crashes)" = "0" ] && [ "$(get saved_hangs)" = "0" ]
