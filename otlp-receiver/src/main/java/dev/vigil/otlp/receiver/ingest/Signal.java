package dev.vigil.otlp.receiver.ingest;

/** The three OTLP signals, with the name of the items partial_success counts for each. */
public enum Signal {
  TRACES("spans"),
  METRICS("data points"),
  LOGS("log records");

  private final String items;

  Signal(String items) {
    this.items = items;
  }

  public String items() {
    return items;
  }

  /** Lower-case name used in metric tags and messages. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
