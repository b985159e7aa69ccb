package dev.vigil.promql.ast;

import java.util.List;

/** An aggregation such as {@code topk by (job) (3, expr)}; {@code param} is null for most operators. */
public record Aggregate(
    AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without, int pos)
    implements Expr {

  public Aggregate {
    grouping = List.copyOf(grouping);
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }
}
