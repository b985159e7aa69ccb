import { authHeaderName, authHeaderValue, type SetupValues } from '../setup';
import type { Snippet } from './types';

const q = JSON.stringify;

/** Python: sentry-sdk for errors and traces; the OpenTelemetry SDK for traces, metrics and logs. */
export function python(v: SetupValues): Snippet[] {
  return [
    {
      id: 'python-sentry',
      label: 'sentry-sdk',
      install: 'pip install --upgrade sentry-sdk',
      note: 'Errors and traces. Initialize the SDK as early as possible:',
      files: [
        {
          name: 'app.py',
          code: `import sentry_sdk

sentry_sdk.init(
    dsn=${q(v.dsn)},
    # Send a trace of every request (lower this in production).
    traces_sample_rate=1.0,
)

# Unhandled exceptions are reported; handled ones with:
try:
    1 / 0
except ZeroDivisionError as error:
    sentry_sdk.capture_exception(error)
`,
        },
      ],
    },
    {
      id: 'python-otel',
      label: 'OpenTelemetry',
      install: 'pip install opentelemetry-sdk opentelemetry-exporter-otlp-proto-http',
      note: 'Traces, metrics and logs (from the logging module) over OTLP/HTTP. Run this once at startup:',
      files: [
        {
          name: 'telemetry.py',
          code: `import logging

from opentelemetry import metrics, trace
from opentelemetry._logs import set_logger_provider
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
from opentelemetry.sdk._logs.export import BatchLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

ENDPOINT = ${q(v.otlpHttpUrl)}
HEADERS = {${q(authHeaderName(v))}: ${q(authHeaderValue(v))}}
resource = Resource.create({"service.name": ${q(v.serviceName)}})

tracer_provider = TracerProvider(resource=resource)
tracer_provider.add_span_processor(
    BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{ENDPOINT}/v1/traces", headers=HEADERS)))
trace.set_tracer_provider(tracer_provider)

metric_reader = PeriodicExportingMetricReader(
    OTLPMetricExporter(endpoint=f"{ENDPOINT}/v1/metrics", headers=HEADERS))
metrics.set_meter_provider(MeterProvider(resource=resource, metric_readers=[metric_reader]))

logger_provider = LoggerProvider(resource=resource)
logger_provider.add_log_record_processor(
    BatchLogRecordProcessor(OTLPLogExporter(endpoint=f"{ENDPOINT}/v1/logs", headers=HEADERS)))
set_logger_provider(logger_provider)
logging.basicConfig(level=logging.INFO)
logging.getLogger().addHandler(LoggingHandler(level=logging.INFO, logger_provider=logger_provider))

orders = metrics.get_meter(__name__).create_counter("orders", unit="{order}")

# Log lines written inside a span carry its trace id: Vigil links them.
with trace.get_tracer(__name__).start_as_current_span("checkout"):
    logging.getLogger(__name__).info("order placed")
    orders.add(1, {"payment.method": "card"})
`,
        },
      ],
    },
  ];
}
