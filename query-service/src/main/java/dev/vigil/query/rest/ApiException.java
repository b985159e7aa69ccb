package dev.vigil.query.rest;

/** A request the API refuses, with the HTTP status and the {@code detail} shown to the client. */
public final class ApiException extends RuntimeException {

  private final int status;

  private ApiException(int status, String detail) {
    super(detail);
    this.status = status;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, detail);
  }

  public int status() {
    return status;
  }
}
