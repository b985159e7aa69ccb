'use strict';
// Raises errors with the unmodified official @sentry/node SDK against a Vigil DSN.
//
// Run by dev.vigil.e2e.NodeSdkTest: `node raise-errors.js <dsn>`. Each error is raised inside a span
// of its own trace, so each event carries contexts.trace; the last line printed on stdout is a JSON
// object mapping each kind to the trace ids its events were sent with, for the test to check.
//
// Expected issues: TypeError x3 (calling undefined, same site), PaymentDeclinedError x2 (a custom
// Error subclass), RangeError x2 (invalid array length).

const Sentry = require('@sentry/node');

const dsn = process.argv[2];
if (!dsn) {
  console.error('usage: node raise-errors.js <dsn>');
  process.exit(2);
}

Sentry.init({
  dsn,
  release: 'e2e@1.0',
  environment: 'e2e',
  tracesSampleRate: 1.0,
});

class PaymentDeclinedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PaymentDeclinedError';
  }
}

function callMissingHandler(handlers) {
  return handlers.onSubmit();
}

function chargeCard(amountCents) {
  throw new PaymentDeclinedError(`card declined for amount ${amountCents}`);
}

function allocateBuffer(size) {
  return new Array(size);
}

// Raises one error inside a span of a new trace and returns that trace's id.
// startNewTrace: without it every root span of the process shares the scope's trace id.
function raiseInNewTrace(kind, attempt, action) {
  return Sentry.startNewTrace(() =>
    Sentry.startSpan({ name: `raise ${kind} #${attempt}`, op: 'e2e' }, (span) => {
      try {
        action(attempt);
      } catch (error) {
        Sentry.captureException(error);
      }
      return span.spanContext().traceId;
    }),
  );
}

const KINDS = {
  type_error: { times: 3, action: (n) => callMissingHandler({ attempt: n }) },
  custom_error: { times: 2, action: (n) => chargeCard(1000 + n) },
  range_error: { times: 2, action: (n) => allocateBuffer(-1 - n) },
};

async function main() {
  // Round-robin over the kinds: the SDK's Dedupe integration drops an event identical to the one
  // just before it, so raising the same error twice in a row would send it only once.
  const traceIds = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]));
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const [kind, { times, action }] of Object.entries(KINDS)) {
      if (attempt < times) {
        traceIds[kind].push(raiseInNewTrace(kind, attempt, action));
      }
    }
  }
  const flushed = await Sentry.flush(10000);
  console.log(JSON.stringify({ sdk: Sentry.SDK_VERSION, flushed, trace_ids: traceIds }));
  if (!flushed) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
