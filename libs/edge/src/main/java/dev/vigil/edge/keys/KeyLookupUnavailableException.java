package dev.vigil.edge.keys;

/**
 * PostgreSQL could not answer a key lookup; the request may be fine, so edges answer with their
 * protocol's retryable "unavailable" (HTTP 503, gRPC UNAVAILABLE).
 */
public final class KeyLookupUnavailableException extends RuntimeException {

  public KeyLookupUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
