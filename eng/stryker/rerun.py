#!/usr/bin/env python3
"""Re-tests only the mutants that survived (or had no coverage) in the reports so far.

usage: eng/stryker/rerun.py NAME [NAMESPACE ...]     e.g.  eng/stryker/rerun.py rerun-1 Input Rules

For every file of the core (of the given namespaces, or all) with a surviving or uncovered mutant, it
passes Stryker a mutate pattern with the character spans of those mutants
(`**/Input/CsvTokenizer.cs{1503..1529}{...}`); a file whose source changed since its report is
re-run whole. The new report lands in artifacts/stryker/NAME and, being the newest, overrides those
mutants' earlier results in summary.py (reports.py). Runs eng/stryker/run.sh; set STRYKER_CONCURRENCY;
DRY_RUN=1 prints the patterns instead.
"""
import os, pathlib, subprocess, sys

here = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(here))
import reports  # noqa: E402

if len(sys.argv) < 2:
    sys.exit(__doc__)
name, namespaces = sys.argv[1], set(sys.argv[2:])
root = pathlib.Path(subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip())
patterns = []
for rel, (source, mutants) in sorted(reports.load(root / "artifacts" / "stryker").items()):
    if namespaces and rel.split("/")[0] not in namespaces:
        continue
    open_ = [m for m in mutants.values() if m["status"] in ("Survived", "NoCoverage")]
    if not open_:
        continue
    current = (root / "src" / "MigraineProtocol" / rel).read_text(encoding="utf-8-sig")
    if current != source.lstrip("\ufeff"):
        patterns.append(f"**/{rel}")
        continue
    starts = [0]
    for line in source.split("\n"):
        starts.append(starts[-1] + len(line.encode("utf-16-le")) // 2 + 1)  # Roslyn counts UTF-16 units
    lines = source.split("\n")

    def offset(at):  # columns are 1-based UTF-16 positions, the end exclusive
        return starts[at["line"] - 1] + len(lines[at["line"] - 1][:at["column"] - 1].encode("utf-16-le")) // 2

    spans = sorted({(offset(m["location"]["start"]), offset(m["location"]["end"])) for m in open_})
    patterns.append(f"**/{rel}" + "".join(f"{{{a}..{b}}}" for a, b in spans))
if not patterns:
    sys.exit("nothing to re-run")
print(f"{len(patterns)} files", file=sys.stderr)
if os.environ.get("DRY_RUN"):
    sys.exit("\n".join(patterns))
os.execv(str(here / "run.sh"), [str(here / "run.sh"), name, *patterns])
