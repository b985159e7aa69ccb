package dev.vigil.promql.ast;

/** A subquery {@code expr[range:step]}; {@code step} is null when omitted (the engine default applies). */
public record Subquery(
    Expr expr, DurationExpr range, DurationExpr step, DurationExpr offset, AtModifier at, int pos)
    implements Expr {

  @Override
  public ValueType type() {
    return ValueType.MATRIX;
  }

  public Subquery withOffset(DurationExpr newOffset) {
    return new Subquery(expr, range, step, newOffset, at, pos);
  }

  public Subquery withAt(AtModifier newAt) {
    return new Subquery(expr, range, step, offset, newAt, pos);
  }
}
