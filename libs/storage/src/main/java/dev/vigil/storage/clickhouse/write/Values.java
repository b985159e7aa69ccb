package dev.vigil.storage.clickhouse.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Conversions from domain values to what the RowBinary writer expects for Vigil's column types. */
final class Values {

  private Values() {}

  /** Absent strings are stored as empty strings, as the schema expects. */
  static String text(String value) {
    return value == null ? "" : value;
  }

  /** For DateTime64(9, 'UTC'): the writer takes a zoned date-time and keeps its nanoseconds. */
  static ZonedDateTime utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }
}
