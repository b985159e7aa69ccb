package dev.vigil.domain.telemetry;

import java.util.Locale;

/** Prometheus metric type of a series (what /api/v1/metadata reports). */
public enum MetricType {
  GAUGE,
  COUNTER,
  HISTOGRAM,
  SUMMARY,
  INFO,
  UNKNOWN;

  /** The lower-case name Prometheus uses. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
