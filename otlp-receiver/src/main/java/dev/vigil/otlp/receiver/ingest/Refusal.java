package dev.vigil.otlp.receiver.ingest;

/**
 * An export the receiver refuses as a whole, by kind; each transport maps the kind to its status
 * (see the module README). Thrown often under abuse, so it carries no stack trace.
 */
public final class Refusal extends RuntimeException {

  /** Why, in terms both transports can map. */
  public enum Kind {
    /** Malformed payload: HTTP 400, INVALID_ARGUMENT; not retryable. */
    INVALID,
    /** No or unknown key: 401, UNAUTHENTICATED. */
    UNAUTHENTICATED,
    /** A disabled key: 403, PERMISSION_DENIED. */
    FORBIDDEN,
    /** Over a size limit: 413, RESOURCE_EXHAUSTED without retry info; not retryable. */
    TOO_LARGE,
    /** Over the key's rate: 429, RESOURCE_EXHAUSTED with retry info; retry after the delay. */
    RATE_LIMITED,
    /** Kafka or PostgreSQL unavailable: 503, UNAVAILABLE; retry after the delay. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final long retryAfterSeconds;

  private Refusal(Kind kind, String message, long retryAfterSeconds, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static Refusal of(Kind kind, String message) {
    return new Refusal(kind, message, 0, null);
  }

  public static Refusal retryable(Kind kind, String message, long retryAfterSeconds, Throwable cause) {
    return new Refusal(kind, message, retryAfterSeconds, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** Seconds the client should wait before retrying; 0 when it should not retry. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
