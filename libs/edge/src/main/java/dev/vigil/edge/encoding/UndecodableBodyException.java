package dev.vigil.edge.encoding;

/** A request body whose Content-Encoding is unknown or does not match its bytes; edges answer 400. */
public final class UndecodableBodyException extends RuntimeException {

  public UndecodableBodyException(String message) {
    super(message, null, false, false);
  }
}
