#!/usr/bin/env bash
# Regenerates the example charts and reports in docs/ (docs/charts.md, docs/report.md, README).
# Needs the CLI built (dotnet build) and, for the PNGs, chromium and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=(dotnet src/MigraineProtocol.Cli/bin/Debug/net10.0/migraine-protocol.dll)
"${cli[@]}" diary docs/examples/diary.csv --chart docs/charts/diary-example.svg > /dev/null
"${cli[@]}" stopping docs/examples/diary.csv --sessions 2026-02-02,2026-03-30 --chart docs/charts/course-example.svg > /dev/null || true
"${cli[@]}" outcomes docs/examples/outcomes-cohort.csv --treatment onabotulinumtoxinA --control placebo --chart docs/charts/outcomes-example.svg > /dev/null
tmp=$(mktemp -d)
for l in en de; do
  args=(report --diary docs/examples/diary.csv --history docs/examples/history.json --session docs/examples/session-valid.json
        --preventives-failed 3 --adult true --overuse-managed true --patient PT-0042 --language "$l")
  "${cli[@]}" "${args[@]}" --output "docs/report/report-example-$l.html" > /dev/null
  "${cli[@]}" "${args[@]}" --output "$tmp/report-$l.pdf" > /dev/null
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$tmp/report-$l.pdf" "docs/report/report-example-$l-page-1"
done
pdftoppm -r 80 -png -f 2 -l 2 -singlefile "$tmp/report-en.pdf" docs/report/report-example-en-page-2
pdfinfo "$tmp/report-en.pdf" | grep Pages
pdfinfo "$tmp/report-de.pdf" | grep Pages
# The example with adverse events after the prior sessions and the clinician's acknowledgement (issue 18).
for l in en de; do
  args=(report --diary docs/examples/diary.csv --history docs/examples/history-with-events.json --session docs/examples/session-acknowledged.json
        --preventives-failed 3 --adult true --overuse-managed true --patient PT-0042 --language "$l")
  "${cli[@]}" "${args[@]}" --output "docs/report/report-example-events-$l.html" > /dev/null
  "${cli[@]}" "${args[@]}" --output "$tmp/report-events-$l.pdf" > /dev/null
  pdfinfo "$tmp/report-events-$l.pdf" | grep Pages
done
pdftoppm -r 80 -png -f 2 -l 2 -singlefile "$tmp/report-events-en.pdf" docs/report/report-example-events-en-page-2
rm -rf "$tmp"
