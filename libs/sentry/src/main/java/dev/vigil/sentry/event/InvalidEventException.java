package dev.vigil.sentry.event;

/** Thrown when a payload cannot be an event at all (not JSON, or JSON that is not an object). */
public final class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
