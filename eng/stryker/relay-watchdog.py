#!/usr/bin/env python3
"""Works around a Stryker.NET 5.1.0 MTP runner stall in per-test coverage capture.

When a test host is replaced (a test timed out or the host crashed), the dead host's coverage epoch
relay file (/tmp/stryker-epoch-<pid>-...-<guid>.txt) stays behind. The runner keeps asking it for an
acknowledgement that never comes, waits 10 s per test, and marks every later test "Dubious" (so
every mutant then runs them all). This watchdog deletes a relay file that lags two or more epochs
behind the request while a sibling relay of the same runner is up to date: that file belongs to a
host that no longer exists. Only the files of the Stryker processes given on the command line are
touched.

usage: eng/stryker/relay-watchdog.py PID [PID...]   (the processes and their descendants; stops when
       they have all exited). eng/stryker/run.sh starts it for its own Stryker process.
"""
import glob, os, struct, sys, time

roots = [int(p) for p in sys.argv[1:]]

def family():
    """The given processes and all their descendants."""
    parents = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
        except (OSError, IndexError, ValueError):
            pass
    found, todo = set(), [r for r in roots if os.path.exists(f"/proc/{r}")]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo.extend(parents.get(pid, []))
    return found

stale_since = {}  # path -> (ack, first time seen stale)

def read(path):
    try:
        with open(path, "rb") as f:
            return struct.unpack("<ii", f.read(8))
    except (OSError, struct.error):
        return None

while pids := family():
    for pid in pids:
        groups = {}
        for path in glob.glob(f"/tmp/stryker-epoch-{pid}-*.txt"):
            name = os.path.basename(path)[:-4]
            base, _, guid = name.rpartition("-")
            if len(guid) == 32:  # a relay, not the handed-out base file
                groups.setdefault(base, []).append(path)
        for base, relays in groups.items():
            states = {p: read(p) for p in relays}
            live = [p for p, s in states.items() if s and s[1] >= s[0] - 1]
            for p, s in states.items():
                if not (s and s[1] < s[0] - 1 and live and p not in live):
                    stale_since.pop(p, None)
                    continue
                ack, since = stale_since.setdefault(p, (s[1], time.time()))
                if ack != s[1]:
                    stale_since[p] = (s[1], time.time())
                elif time.time() - since >= 3:  # still behind after 3 s: its host is gone
                    stale_since.pop(p, None)
                    print(f"{time.strftime('%H:%M:%S')} removing stale relay {os.path.basename(p)} (request {s[0]}, ack {s[1]})", flush=True)
                    os.remove(p)
    time.sleep(2)
