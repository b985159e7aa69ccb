package dev.vigil.promql.engine;

/** A query needed more series or samples than {@link EngineOptions} allow. */
public final class QueryLimitException extends PromqlException {

  public QueryLimitException(String message) {
    super("execution", message);
  }
}
