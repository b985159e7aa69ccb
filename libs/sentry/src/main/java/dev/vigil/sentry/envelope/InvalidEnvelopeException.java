package dev.vigil.sentry.envelope;

/** The bytes are not a Sentry envelope; the message says what is wrong, for the SDK's error response. */
public final class InvalidEnvelopeException extends Exception {

  public InvalidEnvelopeException(String message) {
    super(message);
  }

  public InvalidEnvelopeException(String message, Throwable cause) {
    super(message, cause);
  }
}
