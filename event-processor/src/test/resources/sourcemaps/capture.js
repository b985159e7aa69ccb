// Sends one error from a minified build through the real @sentry/node SDK and writes the envelope it sent.
// Usage (from e2e/node): node capture.js <minified module> <release> <output envelope>
const fs = require("fs");
const path = require("path");
const Sentry = require("@sentry/node");
const [moduleFile, release, out] = process.argv.slice(2);

Sentry.init({
  dsn: "http://0123456789abcdef0123456789abcdef@127.0.0.1:9/1",
  release,
  defaultIntegrations: false,
  integrations: [Sentry.contextLinesIntegration(), Sentry.linkedErrorsIntegration()],
  transport: (options) =>
    Sentry.createTransport(options, async (request) => {
      fs.writeFileSync(out, request.body);
      return { statusCode: 200 };
    }),
});

const { checkout } = require(path.resolve(moduleFile));
try {
  checkout({ items: [], total: 0, currency: "EUR" });
} catch (e) {
  Sentry.captureException(e);
}
Sentry.flush(2000).then(() => process.exit(0));
