package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.parser.Parser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs PromQL instant and range queries with Prometheus semantics over a {@link SeriesSource}.
 * Thread-safe: each query gets its own evaluation state.
 */
public final class Engine {

  private final SeriesSource source;
  private final EngineOptions options;
  private final Deadline deadline;

  public Engine(SeriesSource source, EngineOptions options) {
    this(source, options, Deadline.NONE);
  }

  /** An engine whose queries fail with a {@code timeout} error once {@code deadline} has passed. */
  public Engine(SeriesSource source, EngineOptions options, Deadline deadline) {
    this.source = source;
    this.options = options;
    this.deadline = deadline;
  }

  /** Evaluates at one time (Unix ms): a vector, scalar, string, or a matrix for a range selector. */
  public Value instantQuery(String query, long timeMillis) {
    return instantQuery(Parser.parse(query), timeMillis);
  }

  public Value instantQuery(Expr expr, long timeMillis) {
    Evaluator ev = evaluator(expr, timeMillis, timeMillis, 0);
    Value v = ev.eval(expr, timeMillis);
    if (v instanceof Vector vec) {
      return new Vector(finish(vec.samples()));
    }
    if (v instanceof Matrix m) {
      List<Series> out = new ArrayList<>();
      for (Series s : m.series()) {
        out.add(new Series(s.resultLabels(), s.timestamps(), s.values(), false));
      }
      return new Matrix(out);
    }
    return v;
  }

  /** Evaluates at every step from start to end inclusive; the result's series sorted by labels. */
  public Matrix rangeQuery(String query, long startMillis, long endMillis, long stepMillis) {
    return rangeQuery(Parser.parse(query), startMillis, endMillis, stepMillis);
  }

  public Matrix rangeQuery(Expr expr, long startMillis, long endMillis, long stepMillis) {
    if (stepMillis <= 0) {
      throw new PromqlException("bad_data", "zero or negative query resolution step widths are not accepted");
    }
    if (endMillis < startMillis) {
      throw new PromqlException("bad_data", "end timestamp must not be before start time");
    }
    if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
      throw new PromqlException(
          "bad_data",
          "invalid expression type \"" + expr.type() + "\" for range query, must be Scalar or instant Vector");
    }
    Evaluator ev = evaluator(expr, startMillis, endMillis, stepMillis);
    SampleBudget points = new SampleBudget(options.maxSamples());
    TreeMap<Labels, SeriesBuilder> series = new TreeMap<>();
    for (long t = startMillis; t <= endMillis; t += stepMillis) {
      deadline.check();
      Value v = ev.eval(expr, t);
      List<Sample> samples =
          v instanceof Scalar s ? List.of(new Sample(Labels.EMPTY, s.value())) : finish(((Vector) v).samples());
      points.add(samples.size());
      for (Sample s : samples) {
        series.computeIfAbsent(s.labels(), l -> new SeriesBuilder(l, false)).add(t, s.value());
      }
    }
    List<Series> out = new ArrayList<>();
    for (SeriesBuilder b : series.values()) {
      out.add(b.build());
    }
    return new Matrix(out);
  }

  private Evaluator evaluator(Expr expr, long start, long end, long step) {
    QueryWindow window =
        new QueryWindow(
            start, end, step, options.lookbackDelta().toMillis(), options.defaultSubqueryStep().toMillis());
    Map<VectorSelector, List<RawSeries>> data = new SelectionPlanner(window, source, options).load(expr);
    deadline.check();
    return new Evaluator(window, data, new SampleBudget(options.maxSamples()), deadline);
  }

  /** Applies delayed name removal and rejects results with two series of the same labels. */
  private static List<Sample> finish(List<Sample> samples) {
    List<Sample> out = new ArrayList<>(samples.size());
    Set<Labels> seen = new HashSet<>();
    for (Sample s : samples) {
      Labels labels = s.resultLabels();
      if (!seen.add(labels)) {
        throw PromqlException.execution("vector cannot contain metrics with the same labelset");
      }
      out.add(new Sample(labels, s.value()));
    }
    return out;
  }
}
