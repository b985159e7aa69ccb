package dev.vigil.domain.telemetry;

import java.util.Locale;

/** Outcome of a span, as OpenTelemetry defines it: only ERROR marks a failure. */
public enum StatusCode {
  UNSET,
  OK,
  ERROR;

  /** The lower-case name used in storage and the query API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** OTLP's enum number (STATUS_CODE_OK = 1, STATUS_CODE_ERROR = 2); unknown numbers are unset. */
  public static StatusCode ofOtlp(int number) {
    return switch (number) {
      case 1 -> OK;
      case 2 -> ERROR;
      default -> UNSET;
    };
  }
}
