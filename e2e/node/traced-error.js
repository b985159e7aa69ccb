'use strict';
// A traced request that fails and is reported by both SDKs: the OpenTelemetry JS SDK exports the trace over
// OTLP/HTTP, the unmodified @sentry/node SDK reports the error to the DSN. Sentry's openTelemetryIntegration
// (the @sentry/node 11 way to work next to a user-owned tracer provider) takes the error event's trace
// context from the active OpenTelemetry span, so the event carries that span's trace and span id.
// Run by dev.vigil.e2e.TraceErrorCorrelationTest:
//   node traced-error.js <otlp http base url> <DSN public key> <dsn>

const Sentry = require('@sentry/node');
const { SpanKind, SpanStatusCode } = require('@opentelemetry/api');
const { SeverityNumber } = require('@opentelemetry/api-logs');
const { startOtel, inSpan } = require('./otel');

const [endpoint, publicKey, dsn] = process.argv.slice(2);
if (!endpoint || !publicKey || !dsn) {
  console.error('usage: node traced-error.js <otlp http base url> <DSN public key> <dsn>');
  process.exit(2);
}

Sentry.init({
  dsn,
  release: 'e2e@1.0',
  environment: 'e2e',
  integrations: [Sentry.openTelemetryIntegration()],
});

class InventoryError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InventoryError';
  }
}

function reserveItem(sku) {
  throw new InventoryError(`no stock left for ${sku}`);
}

async function main() {
  const otel = startOtel({ endpoint, publicKey, serviceName: 'node-orders' });
  const ids = {};
  inSpan(otel.tracer, 'POST /orders', { kind: SpanKind.SERVER }, (root) => {
    ids.trace_id = root.spanContext().traceId;
    ids.root_span_id = root.spanContext().spanId;
    inSpan(otel.tracer, 'reserve-inventory', {}, (span) => {
      ids.failing_span_id = span.spanContext().spanId;
      try {
        reserveItem('sku-1138');
      } catch (error) {
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        ids.event_id = Sentry.captureException(error);
        otel.logger.emit({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', body: `order failed: ${error.message}` });
      }
    });
    root.setStatus({ code: SpanStatusCode.ERROR });
  });
  const flushed = await Sentry.flush(10000);
  const failures = await otel.shutdown();
  console.log(JSON.stringify({ sdk: Sentry.SDK_VERSION, flushed, ...ids, failures }));
  if (!flushed || failures.length > 0) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
