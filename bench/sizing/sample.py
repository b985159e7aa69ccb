#!/usr/bin/env python3
"""sample.py <run dir> [interval s]: RSS, PSS and CPU time of the run's services and of Kafka, PostgreSQL and the
chDB endpoint, every interval (2 s), into <run dir>/samples.csv with the current phase; the 1-minute load average
into loadavg.csv. Stops when <run dir>/stop-sampler exists (run.sh's cleanup)."""
import glob
import os
import sys
import time

run = sys.argv[1]
interval = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
TICK = os.sysconf("SC_CLK_TCK")


def dependencies():
    """name -> pids: the pids run.sh found in ./vigil's pid files, with their children (PostgreSQL's backends and
    workers hold most of its memory; shared buffers are counted once by summing PSS, not RSS)."""
    found = {}
    try:
        lines = open(os.path.join(run, "deps")).read().split("\n")
    except OSError:
        return found
    children = {}
    for d in filter(str.isdigit, os.listdir("/proc")):
        try:
            ppid = int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    for line in lines:
        if line.strip():
            name, pid = line.split()
            found[name] = [int(pid)] + children.get(int(pid), [])
    return found


def services():
    out = {}
    for f in glob.glob(os.path.join(run, "run", "*.pid")):
        try:
            out[os.path.basename(f)[:-4]] = [int(open(f).read())]
        except (OSError, ValueError):
            pass  # written or removed just now
    return out


def read(pid):
    """(RSS kB, PSS kB, CPU ticks) or None when the process is gone."""
    try:
        rss = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS:"))
        pss = next((int(l.split()[1]) for l in open(f"/proc/{pid}/smaps_rollup") if l.startswith("Pss:")), rss)
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return rss, pss, int(f[11]) + int(f[12])
    except (OSError, IndexError, ValueError, StopIteration):
        return None


samples = open(os.path.join(run, "samples.csv"), "a")
loadavg = open(os.path.join(run, "loadavg.csv"), "a")
n = 0
while not os.path.exists(os.path.join(run, "stop-sampler")):
    if n % 15 == 0:  # PostgreSQL starts and ends backends; look again every 30 s
        deps = dependencies()
    if n % 5 == 0:
        loadavg.write(f"{time.time():.1f},{open('/proc/loadavg').read().split()[0]}\n")
        loadavg.flush()
    n += 1
    now = time.time()
    try:
        phase = open(os.path.join(run, "phase")).read().strip()
    except OSError:
        phase = "-"
    for name, pids in {**services(), **deps}.items():
        values = [v for v in map(read, pids) if v]
        if values:
            rss, pss, ticks = (sum(col) for col in zip(*values))
            samples.write(f"{now:.1f},{phase},{name},{rss},{pss},{ticks / TICK:.2f}\n")
    samples.flush()
    time.sleep(interval)
