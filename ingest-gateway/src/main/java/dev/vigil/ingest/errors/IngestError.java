package dev.vigil.ingest.errors;

import java.util.Map;

/**
 * A request the gateway refuses, with the HTTP status Relay uses for the same case and the detail
 * text the SDK logs. Thrown often under abuse, so it carries no stack trace.
 */
public final class IngestError extends RuntimeException {

  private final int status;
  private final Map<String, String> headers;

  private IngestError(int status, String detail, Map<String, String> headers, Throwable cause) {
    super(detail, cause, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  /** 400: the request is malformed; the client should not retry it. */
  public static IngestError badRequest(String detail) {
    return new IngestError(400, detail, Map.of(), null);
  }

  /** 401: credentials are missing, malformed, contradictory or unknown. */
  public static IngestError unauthorized(String detail) {
    return new IngestError(401, detail, Map.of(), null);
  }

  /** 403: the credentials are valid but may not submit here (disabled key, other project). */
  public static IngestError rejected(String detail) {
    return new IngestError(403, detail, Map.of(), null);
  }

  /** 413: the payload or one of its items exceeds a size limit. */
  public static IngestError tooLarge(String detail) {
    return new IngestError(413, detail, Map.of(), null);
  }

  /** 429 with Retry-After and X-Sentry-Rate-Limits, so SDKs back off. */
  public static IngestError rateLimited(String detail, long retryAfterSeconds, String sentryRateLimits) {
    return new IngestError(
        429,
        detail,
        Map.of("Retry-After", Long.toString(retryAfterSeconds), "X-Sentry-Rate-Limits", sentryRateLimits),
        null);
  }

  /** 503 with Retry-After: a dependency is down; nothing was accepted and the SDK should retry. */
  public static IngestError unavailable(String detail, long retryAfterSeconds, Throwable cause) {
    return new IngestError(503, detail, Map.of("Retry-After", Long.toString(retryAfterSeconds)), cause);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  /** Extra response headers (Retry-After, X-Sentry-Rate-Limits). */
  public Map<String, String> headers() {
    return headers;
  }
}
