"""Reads the Stryker.NET JSON reports under a folder into one result per mutant of the core package.

Reports are read oldest first (by file time). A later report of a file whose source is unchanged
overrides the status of each mutant it tested (Killed, Survived, Timeout, NoCoverage), so a narrow
re-run of the survivors (eng/stryker/rerun.py) updates only them; a later report of a file whose
source changed replaces that file's mutants whole. A mutant is identified by its location, mutator and
replacement, which do not change while the source does not.
"""
import json, pathlib, sys

TESTED = {"Killed", "Survived", "Timeout", "NoCoverage"}


def relative(path):
    return path.replace("\\", "/").split("src/MigraineProtocol/")[-1]


def key(m):
    s, e = m["location"]["start"], m["location"]["end"]
    return (s["line"], s["column"], e["line"], e["column"], m["mutatorName"], m.get("replacement", ""))


def load(root):
    """Returns {relative path: (source, {key: mutant})}."""
    files = {}
    for report in sorted(pathlib.Path(root).glob("*/reports/mutation-report.json"), key=lambda r: r.stat().st_mtime):
        for path, f in json.loads(report.read_text())["files"].items():
            mutants = {key(m): m for m in f["mutants"]}
            if not any(m["status"] != "Ignored" for m in mutants.values()):
                continue  # outside this run's slice
            rel = relative(path)
            old = files.get(rel)
            if old is None or old[0] != f["source"]:
                if old is not None and any(m.get("statusReason") == "Removed by mutate filter" for m in mutants.values()):
                    print(f"warning: {rel} changed since its earlier report and was re-run only in part; "
                          "re-run the whole file", file=sys.stderr)
                files[rel] = (f["source"], mutants)
            else:
                for k, m in mutants.items():
                    if m["status"] in TESTED or k not in old[1]:
                        old[1][k] = m
    return files
