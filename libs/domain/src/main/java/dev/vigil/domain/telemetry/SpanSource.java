package dev.vigil.domain.telemetry;

import java.util.Locale;

/** Which protocol a span arrived through: an OpenTelemetry exporter or a Sentry transaction. */
public enum SpanSource {
  OTLP,
  SENTRY;

  /** The lower-case name used in storage. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
