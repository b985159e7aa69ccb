#!/usr/bin/env python3
"""metrics_emitter.py <otlp http url> <public key>: ten instrumented "services" (shop-0 .. shop-9) export a request
counter and a latency histogram (5 routes x 3 codes) every 5 s through the OpenTelemetry SDK, as applications
would, until killed. rules.yml's recording and alerting rules evaluate over these series."""
import random
import sys
import time

from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource

url, key = sys.argv[1], sys.argv[2]
ROUTES = ["/", "/cart", "/checkout", "/product/{id}", "/search"]
services = []
for s in range(10):
    exporter = OTLPMetricExporter(endpoint=url + "/v1/metrics", headers={"Authorization": "Bearer " + key})
    provider = MeterProvider(resource=Resource.create({"service.name": f"shop-{s}", "service.instance.id": f"shop-{s}-0"}),
                             metric_readers=[PeriodicExportingMetricReader(exporter, export_interval_millis=5000)])
    meter = provider.get_meter("bench-sizing", "1.0")
    services.append((meter.create_counter("http.server.requests"), meter.create_histogram("http.server.duration", unit="ms")))
while True:
    for counter, histogram in services:
        for _ in range(20):
            route = random.choice(ROUTES)
            counter.add(1, {"route": route, "code": random.choices(["200", "404", "500"], [90, 7, 3])[0]})
            histogram.record(random.lognormvariate(3, 1), {"route": route})
    time.sleep(0.1)
