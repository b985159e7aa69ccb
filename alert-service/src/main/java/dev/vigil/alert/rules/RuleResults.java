package dev.vigil.alert.rules;

import dev.vigil.alerting.state.RuleResult;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.Sample;
import dev.vigil.promql.engine.Scalar;
import dev.vigil.promql.engine.Value;
import dev.vigil.promql.engine.Vector;
import java.util.ArrayList;
import java.util.List;

/** A rule expression's result as labelled values, as Prometheus's rule manager reads it. */
final class RuleResults {

  private RuleResults() {}

  /**
   * A vector's samples, labels without {@code __name__}; a scalar becomes one sample without labels
   * (as Prometheus does for rules).
   */
  static List<RuleResult> of(Value value) {
    List<RuleResult> out = new ArrayList<>();
    if (value instanceof Scalar s) {
      out.add(new RuleResult(java.util.Map.of(), s.value()));
    } else if (value instanceof Vector v) {
      for (Sample sample : v.samples()) {
        out.add(new RuleResult(sample.labels().without(Labels.METRIC_NAME).toMap(), sample.value()));
      }
    } else {
      throw new IllegalArgumentException("rule expressions must return an instant vector or a scalar");
    }
    return out;
  }
}
