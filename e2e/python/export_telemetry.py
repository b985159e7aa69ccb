"""Exports a trace, logs with trace context, a counter and a histogram with the unmodified OpenTelemetry
Python SDK over OTLP/HTTP protobuf (opentelemetry-exporter-otlp-proto-http, pinned in requirements.txt).

Run by dev.vigil.e2e.PythonOtelSdkTest: ``python export_telemetry.py <otlp http base url> <DSN public key>``.
The last line printed is a JSON object with the ids the test looks for.
"""

import json
import logging
import sys

from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
from opentelemetry.sdk._logs.export import BatchLogRecordProcessor, LogRecordExportResult
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricExportResult, PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExportResult
from opentelemetry.trace import SpanKind, Status, StatusCode

FAILURES = []


def recording(exporter, signal, success):
    """Remembers failed exports: the SDK's processors only log them, and the test must fail loudly instead."""
    original = exporter.export

    def export(batch, *args, **kwargs):
        result = original(batch, *args, **kwargs)
        if result != success:
            FAILURES.append(f"{signal}: {result}")
        return result

    exporter.export = export
    return exporter


def main(endpoint, public_key):
    headers = {"Authorization": f"Bearer {public_key}"}
    resource = Resource.create(
        {"service.name": "py-billing", "service.namespace": "e2e", "deployment.environment.name": "e2e"}
    )
    tracer_provider = TracerProvider(resource=resource)
    tracer_provider.add_span_processor(
        BatchSpanProcessor(
            recording(OTLPSpanExporter(endpoint=f"{endpoint}/v1/traces", headers=headers), "traces", SpanExportResult.SUCCESS)
        )
    )
    logger_provider = LoggerProvider(resource=resource)
    logger_provider.add_log_record_processor(
        BatchLogRecordProcessor(
            recording(OTLPLogExporter(endpoint=f"{endpoint}/v1/logs", headers=headers), "logs", LogRecordExportResult.SUCCESS)
        )
    )
    reader = PeriodicExportingMetricReader(
        recording(OTLPMetricExporter(endpoint=f"{endpoint}/v1/metrics", headers=headers), "metrics", MetricExportResult.SUCCESS),
        # Exported once, at shutdown, so the points are deterministic.
        export_interval_millis=600_000,
    )
    meter_provider = MeterProvider(resource=resource, metric_readers=[reader])

    # The application logs through the standard logging module; the handler adds the active trace context.
    log = logging.getLogger("billing")
    log.setLevel(logging.INFO)
    log.addHandler(LoggingHandler(level=logging.INFO, logger_provider=logger_provider))

    tracer = tracer_provider.get_tracer("vigil-e2e", "1.0")
    meter = meter_provider.get_meter("vigil-e2e", "1.0")
    invoices = meter.create_counter("py.e2e.invoices", unit="{invoice}")
    amount = meter.create_histogram("py.e2e.invoice.amount", unit="By")

    ids = {}
    with tracer.start_as_current_span("POST /invoices", kind=SpanKind.SERVER) as root:
        ids["trace_id"] = format(root.get_span_context().trace_id, "032x")
        ids["root_span_id"] = format(root.get_span_context().span_id, "016x")
        with tracer.start_as_current_span("render-pdf") as render:
            ids["render_span_id"] = format(render.get_span_context().span_id, "016x")
            log.info("rendering invoice %s", "INV-7")
            with tracer.start_as_current_span("PUT s3://invoices", kind=SpanKind.CLIENT) as upload:
                ids["upload_span_id"] = format(upload.get_span_context().span_id, "016x")
                upload.set_status(Status(StatusCode.ERROR, "access denied"))
                log.error("upload of invoice %s failed", "INV-7")
        invoices.add(1, {"currency": "EUR"})
        amount.record(512, {"currency": "EUR"})
        amount.record(2048, {"currency": "EUR"})

    tracer_provider.shutdown()
    logger_provider.shutdown()
    meter_provider.shutdown()
    print(json.dumps({**ids, "failures": FAILURES}))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python export_telemetry.py <otlp http base url> <DSN public key>")
    sys.exit(main(sys.argv[1], sys.argv[2]))
