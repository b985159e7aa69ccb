package dev.vigil.promql.ast;

/**
 * A duration in a range, offset or subquery step: a literal, or an arithmetic expression over
 * literals, {@code step()} and {@code range()} (Prometheus's experimental duration expressions).
 * Numbers without a unit are seconds.
 */
public sealed interface DurationExpr {

  /** Milliseconds, given the query's step and range (end - start) in milliseconds. */
  long millis(long stepMillis, long rangeMillis);

  /** A literal duration. */
  record Literal(long value) implements DurationExpr {
    @Override
    public long millis(long stepMillis, long rangeMillis) {
      return value;
    }
  }

  /** {@code step()}: the query's step, 0 for instant queries. */
  record Step() implements DurationExpr {
    @Override
    public long millis(long stepMillis, long rangeMillis) {
      return stepMillis;
    }
  }

  /** {@code range()}: the query's end minus start, 0 for instant queries. */
  record Range() implements DurationExpr {
    @Override
    public long millis(long stepMillis, long rangeMillis) {
      return rangeMillis;
    }
  }

  /** Arithmetic on durations; operands are evaluated in seconds as floats like Prometheus does. */
  record Arith(char op, DurationExpr lhs, DurationExpr rhs) implements DurationExpr {
    @Override
    public long millis(long stepMillis, long rangeMillis) {
      double a = lhs.millis(stepMillis, rangeMillis) / 1000.0;
      double b = rhs.millis(stepMillis, rangeMillis) / 1000.0;
      double r =
          switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            case '/' -> a / b;
            case '%' -> a % b;
            case '^' -> Math.pow(a, b);
            case '<' -> Math.min(a, b);
            case '>' -> Math.max(a, b);
            default -> throw new IllegalStateException("unknown duration operator " + op);
          };
      return Math.round(r * 1000.0);
    }
  }

  /** Unary minus. */
  record Negate(DurationExpr expr) implements DurationExpr {
    @Override
    public long millis(long stepMillis, long rangeMillis) {
      return -expr.millis(stepMillis, rangeMillis);
    }
  }

  /** Whether the value depends on the query (step() or range()). */
  default boolean isConstant() {
    if (this instanceof Step || this instanceof Range) {
      return false;
    }
    if (this instanceof Arith a) {
      return a.lhs().isConstant() && a.rhs().isConstant();
    }
    if (this instanceof Negate n) {
      return n.expr().isConstant();
    }
    return true;
  }
}
