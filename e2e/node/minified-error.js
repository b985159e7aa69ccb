'use strict';
// Raises one error from a minified build (terser + `sentry-cli sourcemaps inject`) with the unmodified
// official @sentry/node SDK against a Vigil DSN.
//
// Run by dev.vigil.e2e.SentryCliSourceMapsTest: `node minified-error.js <dsn> <release> <minified module>`.
// The module is sourcemaps/src/invoice.js as built by the test; the SDK reports the debug id sentry-cli
// injected into it (debug_meta), which is how Vigil finds the uploaded map. The last line printed on stdout
// is a JSON object with the event id, for the test to look the event up.

const path = require('path');
const Sentry = require('@sentry/node');

const [dsn, release, modulePath] = process.argv.slice(2);
if (!dsn || !release || !modulePath) {
  console.error('usage: node minified-error.js <dsn> <release> <minified module>');
  process.exit(2);
}

Sentry.init({ dsn, release, environment: 'production' });

const { invoiceTotal } = require(path.resolve(modulePath));

async function main() {
  let eventId = null;
  try {
    invoiceTotal({ lines: [{ sku: 'SKU-1', quantity: '2', unitPriceCents: 450 }, { sku: 'SKU-2', quantity: 'two', unitPriceCents: 990 }] });
  } catch (error) {
    eventId = Sentry.captureException(error);
  }
  const flushed = await Sentry.flush(10000);
  console.log(JSON.stringify({ sdk: Sentry.SDK_VERSION, flushed, event_id: eventId }));
  if (!flushed || !eventId) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
