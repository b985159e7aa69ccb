package dev.vigil.promql.engine;

/**
 * An error while evaluating a query; {@code errorType} is the Prometheus HTTP API's errorType
 * ({@code execution}, {@code bad_data}, ...), so the API layer can map it without guessing.
 */
public class PromqlException extends RuntimeException {

  private final String errorType;

  public PromqlException(String errorType, String message) {
    super(message);
    this.errorType = errorType;
  }

  public String errorType() {
    return errorType;
  }

  static PromqlException execution(String message) {
    return new PromqlException("execution", message);
  }
}
