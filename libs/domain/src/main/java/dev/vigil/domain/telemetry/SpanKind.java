package dev.vigil.domain.telemetry;

import java.util.Locale;

/** What role a span plays in a request, as OpenTelemetry defines it. */
public enum SpanKind {
  UNSPECIFIED,
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER;

  /** The lower-case name used in storage and the query API ("server", "client", ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** OTLP's enum number (SPAN_KIND_INTERNAL = 1, ...); unknown numbers are unspecified. */
  public static SpanKind ofOtlp(int number) {
    SpanKind[] all = values();
    return number > 0 && number < all.length ? all[number] : UNSPECIFIED;
  }
}
