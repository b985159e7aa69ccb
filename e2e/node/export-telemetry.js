'use strict';
// Exports a trace, logs with trace context, a counter and a histogram with the unmodified OpenTelemetry JS
// SDK (OTLP/HTTP protobuf). Run by dev.vigil.e2e.NodeOtelSdkTest:
//   node export-telemetry.js <otlp http base url> <DSN public key>
// The last line printed is a JSON object with the ids the test looks for.

const { SpanKind, SpanStatusCode } = require('@opentelemetry/api');
const { SeverityNumber } = require('@opentelemetry/api-logs');
const { startOtel, inSpan } = require('./otel');

const [endpoint, publicKey] = process.argv.slice(2);
if (!endpoint || !publicKey) {
  console.error('usage: node export-telemetry.js <otlp http base url> <DSN public key>');
  process.exit(2);
}

async function main() {
  const otel = startOtel({ endpoint, publicKey, serviceName: 'node-cart' });
  const requests = otel.meter.createCounter('node.e2e.requests', { unit: '{request}' });
  const latency = otel.meter.createHistogram('node.e2e.latency', { unit: 's' });
  const ids = {};
  inSpan(otel.tracer, 'GET /cart', { kind: SpanKind.SERVER }, (root) => {
    ids.trace_id = root.spanContext().traceId;
    ids.root_span_id = root.spanContext().spanId;
    inSpan(otel.tracer, 'load-cart', {}, (load) => {
      ids.load_span_id = load.spanContext().spanId;
      otel.logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'loading cart 7' });
      inSpan(otel.tracer, 'SELECT carts', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql' } }, (query) => {
        ids.query_span_id = query.spanContext().spanId;
        query.setStatus({ code: SpanStatusCode.ERROR, message: 'statement timeout' });
        otel.logger.emit({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', body: 'cart query timed out' });
      });
    });
    requests.add(2, { route: '/cart' });
    latency.record(0.25, { route: '/cart' });
    latency.record(1.5, { route: '/cart' });
  });
  const failures = await otel.shutdown();
  console.log(JSON.stringify({ ...ids, failures }));
  if (failures.length > 0) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
