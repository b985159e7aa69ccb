package dev.vigil.otlp.receiver.http;

/** A request whose Content-Type is neither OTLP/HTTP encoding: 415. */
final class UnsupportedContentTypeException extends RuntimeException {

  UnsupportedContentTypeException(String contentType) {
    super(
        "unsupported content type " + (contentType == null ? "(none)" : "'" + contentType + "'")
            + ": use application/x-protobuf or application/json",
        null,
        false,
        false);
  }
}
