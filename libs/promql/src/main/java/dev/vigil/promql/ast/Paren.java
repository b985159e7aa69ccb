package dev.vigil.promql.ast;

/** A parenthesised expression, kept so printing and subquery checks see the user's grouping. */
public record Paren(Expr expr, int pos) implements Expr {
  @Override
  public ValueType type() {
    return expr.type();
  }
}
