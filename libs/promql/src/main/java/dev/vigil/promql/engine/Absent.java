package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.MatchType;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.Paren;
import dev.vigil.promql.ast.VectorSelector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one-sample result of absent() and absent_over_time(): labels are taken from the equality
 * matchers of the selector argument (a label matched twice or by a
 * non-equality matcher is left out), value 1.
 */
final class Absent {

  private Absent() {}

  static Vector of(Expr arg) {
    VectorSelector vs = selectorOf(arg);
    TreeMap<String, String> labels = new TreeMap<>();
    if (vs != null) {
      Set<String> has = new HashSet<>();
      for (LabelMatcher m : vs.matchers()) {
        if (m.name().equals(Labels.METRIC_NAME)) {
          continue;
        }
        if (m.type() == MatchType.EQUAL && has.add(m.name())) {
          labels.put(m.name(), m.value());
        } else {
          labels.remove(m.name());
        }
      }
    }
    return new Vector(List.of(new Sample(Labels.of(labels), 1)));
  }

  private static VectorSelector selectorOf(Expr e) {
    if (e instanceof Paren p) {
      return selectorOf(p.expr());
    }
    if (e instanceof VectorSelector vs) {
      return vs;
    }
    if (e instanceof MatrixSelector ms) {
      return ms.selector();
    }
    return null;
  }
}
