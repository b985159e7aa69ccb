package dev.vigil.promql.ast;

/** A string literal, already unquoted. */
public record StringLiteral(String value, int pos) implements Expr {
  @Override
  public ValueType type() {
    return ValueType.STRING;
  }
}
