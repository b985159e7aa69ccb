package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arithmetic and comparison between two instant vectors: one-to-one, many-to-one
 * ({@code group_left}) and one-to-many ({@code group_right}) matching, with the experimental
 * {@code fill} modifiers supplying a value for a side that has no match.
 */
final class VectorMatcher {

  private VectorMatcher() {}

  static Vector match(Binary b, Vector lhs, Vector rhs) {
    VectorMatching m = b.matching();
    boolean swap = m.cardinality() == Cardinality.ONE_TO_MANY;
    List<Sample> many = swap ? rhs.samples() : lhs.samples();
    List<Sample> one = swap ? lhs.samples() : rhs.samples();
    // After swapping for group_right, fill_left applies to the "many" side, as in Prometheus.
    Double fillMany = m.fillLeft();
    Double fillOne = m.fillRight();

    Map<Labels, Sample> oneBySig = new LinkedHashMap<>();
    for (Sample s : one) {
      Labels sig = BinaryOperations.signature(m, s.labels());
      Sample dup = oneBySig.put(sig, s);
      if (dup != null) {
        String side = swap ? "left" : "right";
        Labels first = dup.labels().compareTo(s.labels()) <= 0 ? dup.labels() : s.labels();
        Labels second = first == dup.labels() ? s.labels() : dup.labels();
        throw PromqlException.execution(
            "found duplicate series for the match group " + sig + " on the " + side
                + " hand-side of the operation: [" + first + ", " + second + "]"
                + ";many-to-many matching not allowed: matching labels must be unique on one side");
      }
    }
    Map<Labels, Set<Labels>> matched = new HashMap<>();
    List<Sample> out = new ArrayList<>();
    for (Sample s : many) {
      Labels sig = BinaryOperations.signature(m, s.labels());
      Sample o = oneBySig.get(sig);
      if (o == null) {
        if (fillOne == null) {
          continue;
        }
        o = new Sample(sig, fillOne);
      }
      // Duplicate matches are errors even when the comparison would filter them out.
      Labels labels = resultLabels(m, s.labels(), o.labels());
      Set<Labels> seen = matched.get(sig);
      if (m.cardinality() == Cardinality.ONE_TO_ONE) {
        if (seen != null) {
          throw PromqlException.execution(
              "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        }
        matched.put(sig, Set.of());
      } else {
        if (seen == null) {
          seen = new HashSet<>();
          matched.put(sig, seen);
        }
        if (!seen.add(labels)) {
          throw PromqlException.execution(
              "multiple matches for labels: grouping labels must ensure unique matches");
        }
      }
      Sample result = combine(b, s, o, swap);
      if (result != null) {
        out.add(result);
      }
    }
    if (fillMany != null) {
      for (Map.Entry<Labels, Sample> e : oneBySig.entrySet()) {
        if (!matched.containsKey(e.getKey())) {
          Sample result = combine(b, new Sample(e.getKey(), fillMany), e.getValue(), swap);
          if (result != null) {
            out.add(result);
          }
        }
      }
    }
    return new Vector(out);
  }

  /** Applies the operator to a matched pair; null when a comparison filters it out. */
  private static Sample combine(Binary b, Sample many, Sample one, boolean swap) {
    BinaryOp op = b.op();
    double l = swap ? one.value() : many.value();
    double r = swap ? many.value() : one.value();
    Labels labels = resultLabels(b.matching(), many.labels(), one.labels());
    if (op.isComparison()) {
      boolean keep = Arithmetic.holds(op, l, r);
      if (b.returnBool()) {
        return new Sample(labels, keep ? 1 : 0, true);
      }
      return keep ? new Sample(labels, l, many.dropName()) : null;
    }
    return new Sample(labels, Arithmetic.apply(op, l, r), true);
  }

  private static Labels resultLabels(VectorMatching m, Labels many, Labels one) {
    Labels out = many;
    if (m.cardinality() == Cardinality.ONE_TO_ONE) {
      out = m.on() ? out.keep(m.matchingLabels()) : out.drop(m.matchingLabels());
    }
    for (String label : m.include()) {
      out = out.with(label, one.get(label));
    }
    return out;
  }
}
