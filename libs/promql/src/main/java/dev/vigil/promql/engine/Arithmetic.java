package dev.vigil.promql.engine;

import dev.vigil.promql.ast.BinaryOp;

/** Float semantics of the arithmetic and comparison operators, as in Go's float64 math. */
final class Arithmetic {

  private Arithmetic() {}

  static double apply(BinaryOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case MOD -> l % r;
      case POW -> Math.pow(l, r);
      case ATAN2 -> Math.atan2(l, r);
      case EQL -> l == r ? 1 : 0;
      case NEQ -> l != r ? 1 : 0;
      case GTR -> l > r ? 1 : 0;
      case LSS -> l < r ? 1 : 0;
      case GTE -> l >= r ? 1 : 0;
      case LTE -> l <= r ? 1 : 0;
      default -> throw new IllegalArgumentException("not an arithmetic operator: " + op);
    };
  }

  /** For comparisons: whether the pair passes the filter. */
  static boolean holds(BinaryOp op, double l, double r) {
    return apply(op, l, r) == 1;
  }
}
