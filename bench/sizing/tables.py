#!/usr/bin/env python3
"""tables.py <run dir>[=<label>]...: markdown tables of bench/sizing/run.sh runs, as in docs/benchmarks.md.

Load runs: one table per service with a row per run, the load each run carried, where the memory goes (runs
with --nmt) and the dependencies. Startup and large-otlp runs: a table each. MiB throughout, CPU in CPU-seconds.
"""
import collections
import csv
import os
import re
import statistics
import sys

SERVICES = ["ingest-gateway", "otlp-receiver", "event-processor", "query-service", "alert-service", "web-ui"]
LOAD = ["steady", "burst-wrk", "burst-envelopes", "burst-spans", "burst-logs", "burst-metrics", "drain"]
GC_LINE = re.compile(r"\[([\d.]+)s\].*Pause (Young|Full).*?(\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms")


class Run:
    def __init__(self, arg):
        self.dir, _, label = arg.partition("=")
        self.label = label or os.path.basename(os.path.normpath(self.dir))
        self.mode = self.text("mode", "load").strip()
        self.phases = {}  # phase -> start (epoch s)
        for line in self.text("timeline").splitlines():
            m = re.fullmatch(r"([\d.]+) (\S+)", line)
            if m:
                self.phases[m.group(2)] = float(m.group(1))
        self.samples = collections.defaultdict(list)  # name -> [(t, phase, rss MiB, pss MiB, cpu s)]
        for t, phase, name, rss, pss, cpu in csv.reader(open(self.path("samples.csv"))):
            self.samples[name].append((float(t), phase, int(rss) / 1024, int(pss) / 1024, float(cpu)))

    def path(self, name):
        return os.path.join(self.dir, name)

    def text(self, name, default=""):
        try:
            return open(self.path(name)).read()
        except OSError:
            return default

    def meta(self, svc):
        return dict(line.split("=", 1) for line in self.text(f"meta-{svc}").splitlines() if "=" in line)

    def end_of(self, phase):
        """When the phase ended: the start of the next one."""
        later = sorted(t for t in self.phases.values() if t > self.phases[phase])
        return later[0] if later else float("inf")


def load_stats(run, name):
    """Memory (RSS; PSS for PostgreSQL, whose processes share their buffers) and CPU per phase."""
    xs = run.samples.get(name, [])
    col = 3 if name == "postgresql" else 2

    def mem(phases, pick):
        values = [x[col] for x in xs if x[1] in phases]
        return pick(values) if values else 0

    def cpu(phases):
        ys = [x for x in xs if x[1] in phases]
        return ys[-1][4] - ys[0][4] if len(ys) > 1 else 0.0

    last = lambda values: values[-1]  # noqa: E731
    return {"idle": mem(["idle"], last), "steady": mem(["steady"], max), "after": mem(["after"], last),
            "peak": mem(["startup", "idle", "after"] + LOAD, max), "cpu_steady": cpu(["steady"]), "cpu_burst": cpu(LOAD[1:]),
            "exited": xs[-1][1] if xs and xs[-1][1] not in ("after", "stopping", "done") else None}


def gc_stats(run, svc):
    """Collections, full collections and pause share within the load (steady start to stopping), the largest heap
    a full collection left then (what the service really keeps)."""
    w0, w1 = run.phases["steady"], run.phases["stopping"]
    start = float(run.meta(svc)["start"])
    n = full = live = 0
    pause = 0.0
    for line in run.text(f"gc-{svc}.log").splitlines():
        m = GC_LINE.search(line)
        if m and w0 <= start + float(m.group(1)) <= w1:
            n += 1
            pause += float(m.group(6)) / 1000
            if m.group(2) == "Full":
                full += 1
                live = max(live, int(m.group(4)))
    return n, full, 100 * pause / (w1 - w0), live if full else "-"


def sections(text):
    """'== <service> rss_kb=<n>' sections of a heap-*/nmt-* snapshot: service -> (RSS MiB, lines)."""
    out, current = {}, None
    for line in text.splitlines():
        m = re.match(r"== (\S+) rss_kb=(\d+)", line)
        if m:
            current = m.group(1)
            out[current] = (int(m.group(2)) / 1024, [])
        elif current:
            out[current][1].append(line)
    return out


def heap_used_committed(lines):
    used = committed = 0
    for line in lines:
        m = re.search(r"(def new generation|tenured generation|garbage-first heap)\s+total (\d+)K, used (\d+)K", line)
        if m:
            committed += int(m.group(2)) / 1024
            used += int(m.group(3)) / 1024
    return f"{used:.0f} / {committed:.0f}" if committed else "-"


def load_summary(runs):
    print("| run | build | steady phase (s) | load average min / median / max | steady: envelopes, spans, log records |"
          " reads (failed) | wrk envelopes/s | burst: envelopes, spans, log records, metric points | drain s |")
    print("| --- | --- | ---: | --- | --- | --- | ---: | --- | ---: |")
    for run in runs:
        def find(name, pattern, default="?"):
            m = re.search(pattern, run.text(name))
            return m.group(1) if m else default
        loads = [float(v) for t, v in csv.reader(open(run.path("loadavg.csv")))
                 if run.phases["startup"] <= float(t) <= run.phases["stopping"]]
        la = f"{min(loads):.1f} / {statistics.median(loads):.1f} / {max(loads):.1f}" if loads else "?"
        steady = ", ".join([find("steady-envelopes.log", r"(\d+) accepted \("), find("steady-otlp.log", r"accepted (\d+) spans in"),
                            find("steady-otlp.log", r"log records accepted: (\d+)")])
        burst = ", ".join([find("burst-envelopes.log", r"(\d+) accepted \(")] + [
            find(f"burst-{m}.log", r"\naccepted (\d+) ") for m in ("spans", "logs", "metrics")])
        reads = "{} ({})".format(find("reads.log", r"total (\d+)"), find("reads.log", r"total \d+ failed (\d+)"))
        wrk = find("burst-wrk.log", r"Requests/sec:\s+([\d.]+)")
        build = (run.text("build").split() or ["?"])[0][:10]
        print(f"| {run.label} | {build} | {run.phases['burst-wrk'] - run.phases['steady']:.0f} | {la} | {steady} |"
              f" {reads} | {wrk} | {burst} | {run.phases['after'] - run.phases['drain']:.0f} |")


def service_tables(runs):
    for svc in SERVICES:
        print(f"\n#### {svc}\n")
        print("| run | limit (MaxRAM), heap % → max heap | ready (s) | idle RSS | steady-load RSS | peak RSS | RSS after |"
              " peak / limit | heap after load: used / committed | live after full GC (max) |"
              " GC: pauses, full GCs, % of time | CPU s: steady / bursts + drain |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |")
        for run in runs:
            meta = run.meta(svc)
            if not meta:
                continue
            limit, pct = int(meta["limit"]), int(meta["heap_pct"])
            d = load_stats(run, svc)
            n, full, pause_pct, live = gc_stats(run, svc)
            heap = sections(run.text("heap-after.txt")).get(svc, (0, []))[1]
            note = " (NMT on)" if "NativeMemoryTracking" in meta["flags"] else ""
            if d["exited"]:
                note += f" (exited during {d['exited']})"
            print(f"| {run.label}{note} | {limit} MiB, {pct}% → {limit * pct // 100} | {float(meta.get('ready', 'nan')):.0f} |"
                  f" {d['idle']:.0f} | {d['steady']:.0f} | **{d['peak']:.0f}** | {d['after']:.0f} |"
                  f" {100 * d['peak'] / limit:.0f}% | {heap_used_committed(heap)} | {live} | {n}, {full}, {pause_pct:.1f}% |"
                  f" {d['cpu_steady']:.0f} / {d['cpu_burst']:.0f} |")


def nmt_table(run):
    """Where the memory goes, from the snapshot taken when the backlog was drained."""
    snapshot = sections(run.text("nmt-drained.txt"))
    if not snapshot:
        return
    print(f"\n**Where the memory goes** ({run.label}, Native Memory Tracking after the drain, committed MiB):\n")
    print("| service | RSS | heap | metaspace + class space | JIT code | symbols | CDS archive | \"Other\" | threads |"
          " not seen by NMT | outside the heap (without NMT's own) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for svc, (rss, lines) in snapshot.items():
        c = collections.defaultdict(float)
        for line in lines:
            m = re.match(r"Total: reserved=\d+KB, committed=(\d+)KB", line)
            if m:
                c["total"] = int(m.group(1)) / 1024
            m = re.match(r"-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB", line)
            if m:
                c[m.group(1)] = int(m.group(2)) / 1024
        own = c["Native Memory Tracking"]
        print(f"| {svc} | {rss:.0f} | {c['Java Heap']:.0f} | {c['Metaspace'] + c['Class']:.0f} | {c['Code']:.0f} |"
              f" {c['Symbol']:.0f} | {c['Shared class space']:.0f} | {c['Other']:.0f} | {c['Thread']:.0f} |"
              f" {rss - c['total']:.0f} | {rss - c['Java Heap'] - own:.0f} |")


def dependency_table(runs):
    print("\n**Dependencies** (PostgreSQL: PSS summed over its processes):\n")
    print("| run | Kafka RSS idle / steady / peak | Kafka CPU s steady / bursts + drain | PostgreSQL PSS idle / steady / peak |"
          " PostgreSQL CPU s | chDB endpoint RSS idle / peak | chDB CPU s steady / bursts + drain |")
    print("| --- | --- | --- | --- | ---: | --- | --- |")
    for run in runs:
        k, p, c = (load_stats(run, n) for n in ("kafka", "postgresql", "chdb-endpoint"))
        print(f"| {run.label} | {k['idle']:.0f} / {k['steady']:.0f} / {k['peak']:.0f} | {k['cpu_steady']:.0f} / {k['cpu_burst']:.0f} |"
              f" {p['idle']:.0f} / {p['steady']:.0f} / {p['peak']:.0f} | {p['cpu_steady'] + p['cpu_burst']:.0f} |"
              f" {c['idle']:.0f} / {c['peak']:.0f} | {c['cpu_steady']:.0f} / {c['cpu_burst']:.0f} |")


def startup_table(run):
    print(f"\n**Start-up, each service alone** ({run.label}):\n")
    print("| service | limit, heap % | ready (s) | CPU s until ready | RSS when ready | load average at its start |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    loads = [(float(t), v) for t, v in csv.reader(open(run.path("loadavg.csv")))]
    for svc in SERVICES:
        meta = run.meta(svc)
        if "ready" in meta:
            load = min(loads, key=lambda x: abs(x[0] - float(meta["start"])))[1] if loads else "?"
            print(f"| {svc} | {meta['limit']} MiB, {meta['heap_pct']}% | {float(meta['ready']):.1f} |"
                  f" {float(meta['ready_cpu']):.1f} | {meta['ready_rss']} | {load} |")


def large_otlp_table(run):
    print(f"\n**Large OTLP requests** ({run.label}, otlp-receiver alone):\n")
    print("| limit, heap % (max heap) | request | result | peak RSS |")
    print("| --- | --- | --- | ---: |")
    for phase, limit, pct, result in csv.reader(open(run.path("large-otlp.tsv")), delimiter="\t"):
        peak = max((x[2] for x in run.samples["otlp-receiver"] if x[1] == phase), default=0)
        request = phase.split("-", 2)[2]
        print(f"| {limit} MiB, {pct}% ({int(limit) * int(pct) // 100}) | {request} | {result} | {peak:.0f} |")


def main(args):
    if not args:
        sys.exit(__doc__)
    runs = [Run(a) for a in args]
    load = [r for r in runs if r.mode == "load" and "stopping" in r.phases]
    if load:
        load_summary(load)
        service_tables(load)
        for run in load:
            nmt_table(run)
        dependency_table(load)
    for run in runs:
        if run.mode == "startup":
            startup_table(run)
        elif run.mode == "large-otlp":
            large_otlp_table(run)
        elif run not in load:
            print(f"\n{run.label}: not a finished load run (no 'stopping' phase in its timeline)")


if __name__ == "__main__":
    main(sys.argv[1:])
