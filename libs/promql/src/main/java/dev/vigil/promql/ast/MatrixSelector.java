package dev.vigil.promql.ast;

/**
 * A range vector selector {@code selector[range]}; offset and {@code @} live on the inner selector.
 * {@code anchored} and {@code smoothed} are Prometheus's experimental extended range modifiers.
 */
public record MatrixSelector(
    VectorSelector selector, DurationExpr range, boolean anchored, boolean smoothed, int pos)
    implements Expr {

  @Override
  public ValueType type() {
    return ValueType.MATRIX;
  }

  public MatrixSelector withSelector(VectorSelector newSelector) {
    return new MatrixSelector(newSelector, range, anchored, smoothed, pos);
  }

  public MatrixSelector withModifier(String modifier) {
    return "anchored".equals(modifier)
        ? new MatrixSelector(selector, range, true, smoothed, pos)
        : new MatrixSelector(selector, range, anchored, true, pos);
  }
}
