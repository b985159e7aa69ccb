/**
 * Sentry {@code transaction} items as spans: the transaction is its segment's root span, its
 * {@code spans[]} are the children, so apps that only use Sentry's performance tracing get traces.
 */
package dev.vigil.sentry.transaction;
