package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Aggregate;
import dev.vigil.promql.ast.AggregateOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Aggregation operators over the groups that {@code by}/{@code without} define. */
final class Aggregations {

  private final Evaluator ev;

  Aggregations(Evaluator ev) {
    this.ev = ev;
  }

  Value eval(Aggregate a, long t) {
    Vector input = ev.vector(a.expr(), t);
    AggregateOp op = a.op();
    if (op == AggregateOp.COUNT_VALUES) {
      return CountValues.eval(a, ((StringValue) ev.eval(a.param(), t)).value(), input);
    }
    double param = a.param() == null ? 0 : ev.scalar(a.param(), t);
    if (Double.isNaN(param) && (op == AggregateOp.TOPK || op == AggregateOp.BOTTOMK || op == AggregateOp.LIMITK)) {
      throw PromqlException.execution("Parameter value is NaN");
    }
    if (Double.isNaN(param) && op == AggregateOp.LIMIT_RATIO) {
      throw PromqlException.execution("Ratio value is NaN");
    }
    Map<Labels, List<Sample>> groups = group(a, input.samples());
    List<Sample> out = new ArrayList<>();
    for (Map.Entry<Labels, List<Sample>> g : groups.entrySet()) {
      List<Sample> members = g.getValue();
      switch (op) {
        case TOPK, BOTTOMK, LIMITK, LIMIT_RATIO -> out.addAll(Selection.select(op, param, members));
        default -> {
          boolean dropName = members.stream().anyMatch(Sample::dropName);
          out.add(new Sample(g.getKey(), reduce(op, param, members), dropName));
        }
      }
    }
    return new Vector(out);
  }

  /** Groups samples by their grouping labels, keeping the order in which groups first appear. */
  static Map<Labels, List<Sample>> group(Aggregate a, List<Sample> samples) {
    Set<String> labels = new HashSet<>(a.grouping());
    Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
    for (Sample s : samples) {
      Labels key;
      if (a.without()) {
        Set<String> drop = new HashSet<>(labels);
        drop.add(Labels.METRIC_NAME);
        key = s.labels().drop(drop);
      } else {
        key = s.labels().keep(labels);
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    return groups;
  }

  private static double reduce(AggregateOp op, double param, List<Sample> members) {
    int n = members.size();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = members.get(i).value();
    }
    switch (op) {
      case SUM -> {
        KahanSum sum = new KahanSum();
        for (double v : values) {
          sum.add(v);
        }
        return sum.value();
      }
      case AVG -> {
        return Statistics.mean(values, n);
      }
      case COUNT -> {
        return n;
      }
      case GROUP -> {
        return 1;
      }
      case MIN, MAX -> {
        double best = values[0];
        for (double v : values) {
          boolean better = op == AggregateOp.MIN ? best > v : best < v;
          if (better || Double.isNaN(best)) {
            best = v;
          }
        }
        return best;
      }
      case STDVAR -> {
        return Statistics.variance(values, n);
      }
      case STDDEV -> {
        return Math.sqrt(Statistics.variance(values, n));
      }
      case QUANTILE -> {
        return Statistics.quantile(param, values);
      }
      default -> throw new IllegalStateException("not a reducing aggregation: " + op);
    }
  }
}
