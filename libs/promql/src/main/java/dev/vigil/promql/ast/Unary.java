package dev.vigil.promql.ast;

/** Unary minus or plus applied to a scalar or instant vector. */
public record Unary(boolean negate, Expr expr, int pos) implements Expr {
  @Override
  public ValueType type() {
    return expr.type();
  }
}
