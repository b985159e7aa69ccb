'use strict';
// Shared setup of the unmodified OpenTelemetry JS SDK for the e2e scripts: traces, logs and metrics of one
// service, exported as OTLP/HTTP protobuf to Vigil with `Authorization: Bearer <DSN public key>`.

const { context, trace } = require('@opentelemetry/api');
const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { LoggerProvider, BatchLogRecordProcessor } = require('@opentelemetry/sdk-logs');
const { MeterProvider, PeriodicExportingMetricReader } = require('@opentelemetry/sdk-metrics');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-proto');
const { OTLPMetricExporter } = require('@opentelemetry/exporter-metrics-otlp-proto');

// Remembers failed exports: the SDK's processors only log them, and a test must fail loudly instead.
function recording(exporter, failures, signal) {
  const original = exporter.export.bind(exporter);
  exporter.export = (items, done) =>
    original(items, (result) => {
      if (result.code !== 0) {
        failures.push(`${signal}: ${result.error ? result.error.message : 'code ' + result.code}`);
      }
      done(result);
    });
  return exporter;
}

function startOtel({ endpoint, publicKey, serviceName }) {
  const headers = { Authorization: `Bearer ${publicKey}` };
  const failures = [];
  const resource = resourceFromAttributes({
    'service.name': serviceName,
    'service.namespace': 'e2e',
    'deployment.environment.name': 'e2e',
  });
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new BatchSpanProcessor(recording(new OTLPTraceExporter({ url: `${endpoint}/v1/traces`, headers }), failures, 'traces')),
    ],
  });
  tracerProvider.register();
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [
      new BatchLogRecordProcessor({
        exporter: recording(new OTLPLogExporter({ url: `${endpoint}/v1/logs`, headers }), failures, 'logs'),
      }),
    ],
  });
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: recording(new OTLPMetricExporter({ url: `${endpoint}/v1/metrics`, headers }), failures, 'metrics'),
        // Exported once, on flush, so the points are deterministic.
        exportIntervalMillis: 600000,
      }),
    ],
  });
  return {
    tracer: tracerProvider.getTracer('vigil-e2e', '1.0'),
    logger: loggerProvider.getLogger('vigil-e2e', '1.0'),
    meter: meterProvider.getMeter('vigil-e2e', '1.0'),
    // Exports everything (the meter provider's shutdown collects once more) and returns the failed exports (empty when all succeeded).
    async shutdown() {
      await tracerProvider.forceFlush();
      await loggerProvider.forceFlush();
      await Promise.all([tracerProvider.shutdown(), loggerProvider.shutdown(), meterProvider.shutdown()]);
      return failures;
    },
  };
}

// Runs fn(span) inside a new active span and ends it, also when fn throws.
function inSpan(tracer, name, options, fn) {
  return tracer.startActiveSpan(name, options, (span) => {
    try {
      return fn(span);
    } finally {
      span.end();
    }
  });
}

module.exports = { startOtel, inSpan, context, trace };
