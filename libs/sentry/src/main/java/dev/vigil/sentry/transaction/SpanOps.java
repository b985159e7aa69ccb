package dev.vigil.sentry.transaction;

import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.StatusCode;

/**
 * Reads OpenTelemetry's kind and status out of Sentry's span {@code op} and {@code status}, following
 * the op names of Sentry's span operation conventions (https://develop.sentry.dev/sdk/performance/span-operations/).
 */
final class SpanOps {

  private SpanOps() {}

  /** SERVER for {@code http.server}, {@code grpc.server}, …; CLIENT for outgoing calls and databases; else INTERNAL. */
  static SpanKind kind(String op) {
    if (op == null) {
      return SpanKind.INTERNAL;
    }
    if (op.endsWith(".server")) {
      return SpanKind.SERVER;
    }
    if (op.endsWith(".client") || op.equals("db") || op.startsWith("db.") || op.startsWith("cache.")) {
      return SpanKind.CLIENT;
    }
    if (op.startsWith("queue.publish") || op.startsWith("queue.submit")) {
      return SpanKind.PRODUCER;
    }
    if (op.startsWith("queue.process") || op.startsWith("queue.task")) {
      return SpanKind.CONSUMER;
    }
    return SpanKind.INTERNAL;
  }

  /** Sentry's "ok" is OK, no status is UNSET, and every other status (internal_error, not_found, …) is an ERROR. */
  static StatusCode status(String status) {
    if (status == null || status.isEmpty()) {
      return StatusCode.UNSET;
    }
    return status.equals("ok") ? StatusCode.OK : StatusCode.ERROR;
  }
}
