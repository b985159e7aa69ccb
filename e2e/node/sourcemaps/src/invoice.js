'use strict';
// Built by SentryCliSourceMapsTest as a CI pipeline would: minified by terser, debug ids injected and
// uploaded by sentry-cli. The error is thrown three calls deep, so every frame has to be mapped back.

function parseQuantity(line) {
  const quantity = Number(line.quantity);
  if (!Number.isInteger(quantity) || quantity <= 0) {
    throw new RangeError(`invalid quantity "${line.quantity}" for ${line.sku}`);
  }
  return quantity;
}

function lineTotal(line) {
  return parseQuantity(line) * line.unitPriceCents;
}

function invoiceTotal(invoice) {
  let total = 0;
  for (const line of invoice.lines) {
    total += lineTotal(line);
  }
  return total;
}

module.exports = { invoiceTotal, lineTotal, parseQuantity };
