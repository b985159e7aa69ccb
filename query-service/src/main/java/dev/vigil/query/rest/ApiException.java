package dev.vigil.query.rest;

import java.time.Duration;

/** A request the API refuses, with the HTTP status and the {@code detail} shown to the client. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final Duration retryAfter;

  private ApiException(int status, String detail, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, detail, null);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, detail, null);
  }

  /** The caller is known but lacks the permission (for resources it may know exist). */
  public static ApiException forbidden(String detail) {
    return new ApiException(403, detail, null);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, detail, null);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, detail, null);
  }

  public static ApiException tooManyRequests(String detail, Duration retryAfter) {
    return new ApiException(429, detail, retryAfter);
  }

  public int status() {
    return status;
  }

  /** When a 429 may be retried; null otherwise. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
