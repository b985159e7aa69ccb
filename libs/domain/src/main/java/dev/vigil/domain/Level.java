package dev.vigil.domain;

import java.util.Locale;

/** Severity of an event, as Sentry SDKs report it. */
public enum Level {
  FATAL,
  ERROR,
  WARNING,
  INFO,
  DEBUG;

  /** Parses SDK spellings ("warn", "critical", "log") leniently; unknown or absent means error, as in Sentry. */
  public static Level parse(String value) {
    if (value == null) {
      return ERROR;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "fatal", "critical" -> FATAL;
      case "warning", "warn" -> WARNING;
      case "info", "log" -> INFO;
      case "debug", "trace" -> DEBUG;
      default -> ERROR;
    };
  }

  /** The lower-case name used on the wire and in storage. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
