package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Aggregate;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code count_values("label", v)}: how many samples per group have each distinct value. */
final class CountValues {

  private CountValues() {}

  static Vector eval(Aggregate a, String label, Vector input) {
    if (!LabelNames.isValid(label)) {
      throw PromqlException.execution("invalid label name \"" + label + "\"");
    }
    Set<String> grouping = new HashSet<>(a.grouping());
    Map<Labels, int[]> counts = new LinkedHashMap<>();
    for (Sample s : input.samples()) {
      Labels base = s.labels().with(label, format(s.value()));
      Labels key;
      if (a.without()) {
        Set<String> drop = new HashSet<>(grouping);
        drop.add(Labels.METRIC_NAME);
        drop.remove(label);
        key = base.drop(drop);
      } else {
        Set<String> keep = new HashSet<>(grouping);
        keep.add(label);
        key = base.keep(keep);
      }
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
    }
    List<Sample> out = new java.util.ArrayList<>();
    counts.forEach((k, c) -> out.add(new Sample(k, c[0])));
    return new Vector(out);
  }

  /** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest exact decimal, no exponent. */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
