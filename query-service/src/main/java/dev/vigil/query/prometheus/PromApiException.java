package dev.vigil.query.prometheus;

/**
 * A request the Prometheus HTTP API refuses, answered in Prometheus's error shape:
 * {@code {"status":"error","errorType":"bad_data","error":"..."}} with the status Prometheus uses.
 */
public final class PromApiException extends RuntimeException {

  private final int status;
  private final String errorType;

  public PromApiException(int status, String errorType, String message) {
    super(message);
    this.status = status;
    this.errorType = errorType;
  }

  /** A parameter Prometheus would also refuse (400 bad_data). */
  public static PromApiException badData(String message) {
    return new PromApiException(400, "bad_data", message);
  }

  /**
   * The query cannot be answered now (503 unavailable). Prometheus clients (Grafana, the Go client,
   * codemirror-promql) read the JSON error body of 400, 422 and 503 answers and show its message; for
   * other statuses they show only the status line.
   */
  public static PromApiException unavailable(String message) {
    return new PromApiException(503, "unavailable", message);
  }

  public int status() {
    return status;
  }

  public String errorType() {
    return errorType;
  }
}
