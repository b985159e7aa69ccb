#!/usr/bin/env python3
"""reads.py <run dir> <ui url> <project> <metrics project> <threads>: UI and API reads as the browser makes them,
through web-ui's /api proxy, without pause, until <run dir>/stop-reads exists. The admin token comes from
VIGIL_ADMIN_TOKEN. Prints per kind of request how many answered 2xx, how many failed and the mean time."""
import collections
import datetime
import gzip
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

run, ui, project, metrics_project, threads = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
HEADERS = {"Authorization": "Bearer " + os.environ["VIGIL_ADMIN_TOKEN"], "Accept-Encoding": "gzip"}


def get(path):
    with urllib.request.urlopen(urllib.request.Request(ui + path, headers=HEADERS), timeout=60) as r:
        body = r.read()
        return r.status, gzip.decompress(body) if r.headers.get("Content-Encoding") == "gzip" else body


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def ago(hours):
    return iso(datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=hours))


def items(body, *keys):
    doc = json.loads(body)
    if isinstance(doc, list):
        return doc
    return next((doc[k] for k in keys if doc.get(k)), [])


# Ids to open, as a user clicks through from the lists.
bundle = re.search(rb'src="(/assets/index-[^"]+\.js)"', get("/")[1]).group(1).decode()
issue_ids = [i["id"] for i in items(get(f"/api/v1/projects/{project}/issues?limit=50")[1], "items", "issues")]
trace_ids = [t.get("traceId") or t.get("trace_id")
             for t in items(get(f"/api/v1/projects/{project}/traces?limit=50&from={ago(24)}")[1], "items", "traces")]
print(f"bundle {bundle}, {len(issue_ids)} issues, {len(trace_ids)} traces to open", flush=True)


def promql(expr):
    end = time.time()
    q = urllib.parse.urlencode({"query": expr, "start": end - 15 * 60, "end": end, "step": "15"})
    return f"/api/v1/projects/{metrics_project}/prometheus/api/v1/query_range?{q}"


def requests():
    """(kind, path) pairs, one of which each reader picks at random."""
    out = [
        ("ui-index", "/"), ("ui-bundle", bundle),
        ("issues-14d", f"/api/v1/projects/{project}/issues?limit=50"),
        ("issues-24h", f"/api/v1/projects/{project}/issues?limit=50&start={ago(24)}"),
        ("traces-24h", f"/api/v1/projects/{project}/traces?limit=50&from={ago(24)}"),
        ("logs-24h", f"/api/v1/projects/{project}/logs?from={ago(24)}"),
        ("service-map-1h", f"/api/v1/projects/{project}/service-map"),
        ("promql-rate", promql("sum by (job, code) (rate(http_server_requests_total[1m]))")),
        ("promql-p95", promql("histogram_quantile(0.95, sum by (job, le) (rate(http_server_duration_milliseconds_bucket[1m])))")),
    ]
    if issue_ids:
        out += [("issue", f"/api/v1/issues/{random.choice(issue_ids)}"),
                ("issue-latest", f"/api/v1/issues/{random.choice(issue_ids)}/events/latest")]
    if trace_ids:
        out.append(("trace", f"/api/v1/projects/{project}/traces/{random.choice(trace_ids)}"))
    return out


stats = collections.defaultdict(lambda: [0, 0, 0.0, []])  # ok, failed, seconds, first failures
lock = threading.Lock()


def reader():
    while not os.path.exists(os.path.join(run, "stop-reads")):
        kind, path = random.choice(requests())
        start = time.time()
        try:
            status, _ = get(path)
            ok = 200 <= status < 300
        except Exception as e:  # noqa: BLE001 - a failed read is counted, not fatal
            status, ok = getattr(e, "code", type(e).__name__), False
        with lock:
            s = stats[kind]
            s[0 if ok else 1] += 1
            s[2] += time.time() - start
            if not ok and len(s[3]) < 5:
                s[3].append(str(status))


workers = [threading.Thread(target=reader, daemon=True) for _ in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
total = failed = 0
for kind, (ok, bad, seconds, errors) in sorted(stats.items()):
    total, failed = total + ok + bad, failed + bad
    print(f"{kind:16} ok {ok:6} failed {bad:4} mean {1000 * seconds / max(1, ok + bad):8.1f} ms {' '.join(errors)}")
print(f"total {total} failed {failed}")
