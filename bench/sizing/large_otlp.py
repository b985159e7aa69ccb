#!/usr/bin/env python3
"""large_otlp.py <otlp http url> <public key> <MiB>[x<at once>]: OTLP/JSON log exports of about <MiB> each (records
with 1 KB bodies), <at once> of them concurrently. Prints each answer; exit status 0 only if all were accepted."""
import json
import sys
import threading
import time
import urllib.request

url, key, spec = sys.argv[1], sys.argv[2], sys.argv[3]
mib, _, at_once = spec.partition("x")
count = int(float(mib) * 1024 * 1024 / 1100)  # a record is about 1,100 bytes of JSON
now = time.time_ns()
records = [{"timeUnixNano": str(now + i), "severityText": "INFO", "body": {"stringValue": "x" * 1000 + str(i)}}
           for i in range(count)]
payload = json.dumps({"resourceLogs": [{
    "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "bench-sizing-large"}}]},
    "scopeLogs": [{"scope": {"name": "bench-sizing"}, "logRecords": records}]}]}).encode()
print(f"{len(payload) / 1048576:.1f} MiB per request, {count} log records, {at_once or 1} at once", flush=True)
accepted = []


def send(n):
    start = time.time()
    request = urllib.request.Request(url + "/v1/logs", data=payload,
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + key})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            status = r.status
    except Exception as e:  # noqa: BLE001 - an HTTP error or a closed connection is the result
        status = getattr(e, "code", None) or type(e).__name__
    accepted.append(status == 200)
    print(f"request {n}: {status} after {time.time() - start:.1f} s", flush=True)


threads = [threading.Thread(target=send, args=(n,)) for n in range(int(at_once or 1))]
for t in threads:
    t.start()
for t in threads:
    t.join()
sys.exit(0 if all(accepted) else 1)
