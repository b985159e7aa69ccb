package dev.vigil.otlp.receiver.json;

/** An OTLP/JSON body that is not valid JSON, not the expected message, or has a malformed id. */
public final class InvalidOtlpJsonException extends Exception {

  InvalidOtlpJsonException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
