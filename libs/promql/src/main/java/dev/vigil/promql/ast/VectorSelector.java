package dev.vigil.promql.ast;

import java.util.List;

/**
 * An instant vector selector such as {@code up{job="api"} offset 5m @ 100}. {@code name} may be
 * null; the matchers always include the {@code __name__} matcher when a name was given.
 */
public record VectorSelector(
    String name, List<LabelMatcher> matchers, DurationExpr offset, AtModifier at, boolean smoothed, int pos)
    implements Expr {

  public VectorSelector {
    matchers = List.copyOf(matchers);
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }

  public VectorSelector withOffset(DurationExpr newOffset) {
    return new VectorSelector(name, matchers, newOffset, at, smoothed, pos);
  }

  public VectorSelector withAt(AtModifier newAt) {
    return new VectorSelector(name, matchers, offset, newAt, smoothed, pos);
  }

  public VectorSelector withSmoothed() {
    return new VectorSelector(name, matchers, offset, at, true, pos);
  }
}
