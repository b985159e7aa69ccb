package dev.vigil.promql.ast;

/** A float literal such as {@code 1.5}, {@code 0x1F}, {@code Inf} or a duration used as seconds ({@code 5m}). */
public record NumberLiteral(double value, int pos) implements Expr {
  @Override
  public ValueType type() {
    return ValueType.SCALAR;
  }
}
