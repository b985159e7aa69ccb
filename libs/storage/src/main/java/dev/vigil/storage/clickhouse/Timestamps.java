package dev.vigil.storage.clickhouse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * DateTime64 literals in UTC. Vigil's columns are declared with the 'UTC' time zone, so writing
 * the text form ourselves keeps instants exact whatever the JVM's or the server's time zone is.
 */
public final class Timestamps {

  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** For DateTime64(9, 'UTC'). */
  public static String nanos(Instant instant) {
    return NANOS.format(instant);
  }

  /** For DateTime64(3, 'UTC'). */
  public static String millis(Instant instant) {
    return MILLIS.format(instant);
  }
}
