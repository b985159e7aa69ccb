'use strict';
// Raises one brand-new error with the unmodified official @sentry/node SDK against a Vigil DSN, as a
// production service would: an unexpected exception in a job, captured and sent at once.
//
// Run by dev.vigil.e2e.AlertingJourneyTest: `node raise-new-error.js <dsn>`. The last line printed on stdout
// is a JSON object with the event id and when the SDK handed the event over (sentAt, epoch ms), so the test
// can time the alert from there.
//
// Expected issue: "LedgerMismatchError: ledger of account acct-0042 is off by 13 cents", culprit
// reconcileLedger(raise-new-error).

const Sentry = require('@sentry/node');

const dsn = process.argv[2];
if (!dsn) {
  console.error('usage: node raise-new-error.js <dsn>');
  process.exit(2);
}

Sentry.init({
  dsn,
  release: 'e2e@1.0',
  environment: 'production',
});

class LedgerMismatchError extends Error {
  constructor(message) {
    super(message);
    this.name = 'LedgerMismatchError';
  }
}

function reconcileLedger(accountId, offByCents) {
  throw new LedgerMismatchError(`ledger of account ${accountId} is off by ${offByCents} cents`);
}

async function main() {
  let eventId;
  const sentAt = Date.now();
  try {
    reconcileLedger('acct-0042', 13);
  } catch (error) {
    eventId = Sentry.captureException(error);
  }
  const flushed = await Sentry.flush(10000);
  console.log(JSON.stringify({ sdk: Sentry.SDK_VERSION, flushed, event_id: eventId, sent_at: sentAt }));
  if (!flushed) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
