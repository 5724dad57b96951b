#!/usr/bin/env python3
"""Adds up Stryker.NET JSON reports per namespace of the core package (one result per mutant: see reports.py).

usage: eng/stryker/summary.py artifacts/stryker            -> a Markdown table on stdout
       eng/stryker/summary.py artifacts/stryker --survivors -> every surviving / uncovered mutant

Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's definition;
compile errors and ignored mutants are not counted. "Not run" counts the mutants of a measured file
that no run has tested yet (outside every run's mutate patterns, such as static initialisers left for
a later run, static_spans.py); the worst-case line counts each of them as a survivor.
"""
import json, pathlib, re, sys, collections

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/stryker")
survivors = "--survivors" in sys.argv
rows = collections.OrderedDict()
keys = ["Killed", "Survived", "Timeout", "NoCoverage", "CompileError", "Ignored", "RuntimeError"]
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import reports  # noqa: E402  one result per mutant, later (narrow) runs overriding earlier ones
for rel, (source, mutants) in sorted(reports.load(root).items()):
    path = "src/MigraineProtocol/" + rel
    f = {"source": source, "mutants": list(mutants.values())}
    m = re.search(r"src/MigraineProtocol/([^/]+)/", path.replace("\\", "/"))
    ns = m.group(1) if m else "(root)"
    row = rows.setdefault(ns, collections.Counter())
    lines = f["source"].split("\n")
    for mutant in f["mutants"]:
        status = mutant["status"]
        if status == "Ignored" and mutant.get("statusReason") == "Removed by mutate filter":
            status = "NotRun"
        row[status] += 1
        if survivors and mutant["status"] in ("Survived", "NoCoverage"):
            line = mutant["location"]["start"]["line"]
            rel = path.replace("\\", "/").split("src/MigraineProtocol/")[-1]
            print(f"{mutant['status']:10} {rel}:{line} {mutant['mutatorName']}: "
                  f"{mutant.get('replacement', '')!r:.80}  | {lines[line - 1].strip()[:100]}")
if survivors:
    sys.exit(0)

def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else float("nan")

print("| Namespace | Mutants | Killed | Survived | Timeout | No coverage | Compile errors | Ignored | Not run | Score |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
total = collections.Counter()
for ns, c in rows.items():
    if sum(c.values()) == 0 or c["Ignored"] + c["NotRun"] == sum(c.values()):
        continue  # not in any measured slice
    total.update(c)
    print(f"| {ns} | {sum(c.values())} | {c['Killed']} | {c['Survived']} | {c['Timeout']} | {c['NoCoverage']} "
          f"| {c['CompileError']} | {c['Ignored']} | {c['NotRun']} | {score(c):.1f} % |")
print(f"| **Total measured** | {sum(total.values())} | {total['Killed']} | {total['Survived']} | {total['Timeout']} "
      f"| {total['NoCoverage']} | {total['CompileError']} | {total['Ignored']} | {total['NotRun']} | **{score(total):.1f} %** |")
if total["NotRun"]:
    worst = total.copy()
    worst["Survived"] += worst["NotRun"]
    print(f"\nWorst case, every mutant not run counted as a survivor: **{score(worst):.1f} %**.")
