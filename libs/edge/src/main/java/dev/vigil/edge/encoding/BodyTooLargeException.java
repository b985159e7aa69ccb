package dev.vigil.edge.encoding;

/** A request body larger than the limit once decoded; edges answer 413 / RESOURCE_EXHAUSTED. */
public final class BodyTooLargeException extends RuntimeException {

  public BodyTooLargeException(String message) {
    // Thrown often under abuse: no stack trace.
    super(message, null, false, false);
  }
}
