package dev.vigil.sentry.transaction;

/** Thrown when a payload cannot become spans (not a JSON object, no valid trace context or timestamps). */
public final class InvalidTransactionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidTransactionException(String message) {
    super(message);
  }

  public InvalidTransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
