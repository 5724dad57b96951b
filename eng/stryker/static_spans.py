#!/usr/bin/env python3
"""Prints Stryker mutate patterns for the static initialisers of the core's files.

usage: eng/stryker/static_spans.py [--exclude|--include] NAMESPACE [NAMESPACE ...]

Stryker.NET runs a mutant inside a static field or property initialiser (a "static mutant": data
tables, citations, built-in rule sets, including the lambdas written inside them) on a fresh test
host against every test, 10-20 s each on this machine, against well under a second for the others.
To measure a namespace in two parts, the non-static code first and the data tables after:

  eng/stryker/run.sh outcomes "**/Outcomes/**/*.cs" $(eng/stryker/static_spans.py --exclude Outcomes)
  eng/stryker/run.sh outcomes-static $(eng/stryker/static_spans.py --include Outcomes)

A span runs from the start of a line declaring a `static readonly` field or a `static ... { get; } =`
property to the `;` that ends the initialiser (brackets, parentheses, braces, strings and comments
are skipped; a string literal nested inside an interpolation hole is not: read the spans it prints
when an initialiser has one). Spans are in UTF-16 code units from the start of
the file, as Roslyn counts them.
"""
import pathlib, re, subprocess, sys

args = sys.argv[1:]
mode = "--exclude"
if args and args[0] in ("--exclude", "--include"):
    mode, args = args[0], args[1:]
if not args:
    sys.exit(__doc__)
root = pathlib.Path(subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip())
core = root / "src" / "MigraineProtocol"
start = re.compile(r"^\s*(?:(?:public|private|internal|protected)\s+)*static\s+(?:readonly\s+)?[^=;(]*?(?:\{\s*get;\s*\}\s*)?=(?!>)")


def end_of_statement(text, i):
    """Index just past the ';' that ends the statement starting at i, at bracket depth 0."""
    depth = 0
    while i < len(text):
        c = text[i]
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if c == '"' or (c in "@$" and text[i + 1:i + 2] == '"'):
            verbatim = c == "@" or text[i - 1] == "@"
            i = text.index('"', i)
            if text.startswith('"""', i):  # a raw string ends at the next run of as many quotes
                run = len(text[i:]) - len(text[i:].lstrip('"'))
                i = text.index('"' * run, i + run) + run
                continue
            i += 1
            while text[i] != '"' or (verbatim and text.startswith('""', i)):
                i += 2 if text[i] == "\\" and not verbatim or text.startswith('""', i) else 1
            i += 1
            continue
        if c == "'":
            i += 1
            while text[i] != "'":
                i += 2 if text[i] == "\\" else 1
            i += 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ";" and depth == 0:
            return i + 1
        i += 1
    raise ValueError("no end of statement")


for namespace in args:
    for path in sorted((core / namespace).rglob("*.cs")):
        text = path.read_text(encoding="utf-8-sig")
        spans, offset = [], 0
        for line in text.split("\n"):
            if start.match(line) and "const " not in line and " operator " not in line:
                spans.append((offset, end_of_statement(text, offset)))
            offset += len(line) + 1
        if spans:
            def units(i):  # Python indexes code points; Roslyn counts UTF-16 code units
                return len(text[:i].encode("utf-16-le")) // 2
            rel = path.relative_to(core).as_posix()
            print(("!" if mode == "--exclude" else "") + f"**/{rel}" + "".join(f"{{{units(a)}..{units(b)}}}" for a, b in spans))
