package dev.vigil.promql.ast;

/** A binary operation; {@code matching} is null unless both sides are instant vectors. */
public record Binary(
    BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, int pos)
    implements Expr {

  @Override
  public ValueType type() {
    return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR
        ? ValueType.SCALAR
        : ValueType.VECTOR;
  }
}
