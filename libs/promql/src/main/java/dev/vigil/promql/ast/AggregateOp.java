package dev.vigil.promql.ast;

import java.util.Locale;

/** Aggregation operators; {@code paramType} is the type of the leading parameter, if any. */
public enum AggregateOp {
  SUM(null),
  AVG(null),
  COUNT(null),
  MIN(null),
  MAX(null),
  GROUP(null),
  STDDEV(null),
  STDVAR(null),
  TOPK(ValueType.SCALAR),
  BOTTOMK(ValueType.SCALAR),
  QUANTILE(ValueType.SCALAR),
  COUNT_VALUES(ValueType.STRING),
  LIMITK(ValueType.SCALAR),
  LIMIT_RATIO(ValueType.SCALAR);

  private final ValueType paramType;

  AggregateOp(ValueType paramType) {
    this.paramType = paramType;
  }

  public ValueType paramType() {
    return paramType;
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operator named by an identifier (case-insensitive as in Prometheus), or null. */
  public static AggregateOp fromKeyword(String identifier) {
    for (AggregateOp op : values()) {
      if (op.keyword().equalsIgnoreCase(identifier)) {
        return op;
      }
    }
    return null;
  }
}
