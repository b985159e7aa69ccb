package dev.vigil.bench.otlp;


/** What is sent, where, and how it is counted in ClickHouse. */
enum Mode {
  SPANS("/v1/traces", "spans"),
  LOGS("/v1/logs", "log records"),
  METRICS("/v1/metrics", "metric points"),
  /** Application-shaped traces with their logs: counted as spans, the logs are awaited as well. */
  TRACES("/v1/traces", "spans");

  final String path;
  final String unit;

  Mode(String path, String unit) {
    this.path = path;
    this.unit = unit;
  }

  String countSql(String database, long project) {
    return switch (this) {
      case SPANS, TRACES -> "SELECT count() FROM " + database + ".spans WHERE project_id = " + project;
      case LOGS -> "SELECT count() FROM " + database + ".logs WHERE project_id = " + project;
      case METRICS -> "SELECT count() FROM " + database + ".metric_samples WHERE project_id = " + project
          + " AND metric_name LIKE 'bench\\\\_%'";
    };
  }
}
