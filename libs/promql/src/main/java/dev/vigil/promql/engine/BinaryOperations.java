package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binary operators on scalars and instant vectors, including vector matching and set operators. */
final class BinaryOperations {

  Value eval(Binary b, Value lhs, Value rhs) {
    BinaryOp op = b.op();
    if (lhs instanceof Scalar l && rhs instanceof Scalar r) {
      return new Scalar(Arithmetic.apply(op, l.value(), r.value()));
    }
    if (lhs instanceof Vector l && rhs instanceof Scalar r) {
      return vectorScalar(b, l, r.value(), false);
    }
    if (lhs instanceof Scalar l && rhs instanceof Vector r) {
      return vectorScalar(b, r, l.value(), true);
    }
    Vector l = (Vector) lhs;
    Vector r = (Vector) rhs;
    return switch (op) {
      case AND -> and(b.matching(), l, r);
      case OR -> or(b.matching(), l, r);
      case UNLESS -> unless(b.matching(), l, r);
      default -> VectorMatcher.match(b, l, r);
    };
  }

  private static Vector vectorScalar(Binary b, Vector v, double scalar, boolean scalarLeft) {
    BinaryOp op = b.op();
    List<Sample> out = new ArrayList<>();
    for (Sample s : v.samples()) {
      double l = scalarLeft ? scalar : s.value();
      double r = scalarLeft ? s.value() : scalar;
      if (op.isComparison()) {
        boolean keep = Arithmetic.holds(op, l, r);
        if (b.returnBool()) {
          out.add(s.droppingName(keep ? 1 : 0));
        } else if (keep) {
          out.add(s);
        }
      } else {
        out.add(s.droppingName(Arithmetic.apply(op, l, r)));
      }
    }
    return new Vector(out);
  }

  static Labels signature(VectorMatching m, Labels labels) {
    if (m.on()) {
      return labels.keep(m.matchingLabels());
    }
    Set<String> drop = new HashSet<>(m.matchingLabels());
    drop.add(Labels.METRIC_NAME);
    drop.add("__type__");
    drop.add("__unit__");
    return labels.drop(drop);
  }

  private static Vector and(VectorMatching m, Vector l, Vector r) {
    Set<Labels> right = new HashSet<>();
    for (Sample s : r.samples()) {
      right.add(signature(m, s.labels()));
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : l.samples()) {
      if (right.contains(signature(m, s.labels()))) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  private static Vector or(VectorMatching m, Vector l, Vector r) {
    Set<Labels> left = new HashSet<>();
    List<Sample> out = new ArrayList<>();
    for (Sample s : l.samples()) {
      left.add(signature(m, s.labels()));
      out.add(s);
    }
    for (Sample s : r.samples()) {
      if (!left.contains(signature(m, s.labels()))) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  private static Vector unless(VectorMatching m, Vector l, Vector r) {
    Set<Labels> right = new HashSet<>();
    for (Sample s : r.samples()) {
      right.add(signature(m, s.labels()));
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : l.samples()) {
      if (!right.contains(signature(m, s.labels()))) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  static Map<Labels, List<Sample>> groupBySignature(VectorMatching m, List<Sample> samples) {
    Map<Labels, List<Sample>> out = new HashMap<>();
    for (Sample s : samples) {
      out.computeIfAbsent(signature(m, s.labels()), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  static boolean oneToMany(VectorMatching m) {
    return m.cardinality() == Cardinality.ONE_TO_MANY;
  }
}
