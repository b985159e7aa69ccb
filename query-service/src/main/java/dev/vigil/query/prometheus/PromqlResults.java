package dev.vigil.query.prometheus;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.Matrix;
import dev.vigil.promql.engine.Sample;
import dev.vigil.promql.engine.Scalar;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.StringValue;
import dev.vigil.promql.engine.Value;
import dev.vigil.promql.engine.Vector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of Prometheus's query answers: {@code {"resultType": "vector"|"matrix"|"scalar"|"string",
 * "result": ...}}, a point as {@code [<unix seconds>, "<value>"]} (values as strings, see {@link GoFloats}),
 * series labels as {@code "metric"}. A {@code limit} keeps the first series (results are sorted by labels
 * for range queries) and says so in a warning, as Prometheus 3 does.
 */
public final class PromqlResults {

  /** The warning Prometheus gives when {@code limit} cut the result. */
  public static final String TRUNCATED = "results truncated due to limit";

  /** A query's data and warnings. */
  public record Rendered(Data data, List<String> warnings) {}

  /** Prometheus's query data. */
  public record Data(String resultType, Object result) {}

  /** One element of an instant vector. */
  public record VectorSample(Map<String, String> metric, List<Object> value) {}

  /** One series of a matrix. */
  public record MatrixSeries(Map<String, String> metric, List<List<Object>> values) {}

  private PromqlResults() {}

  /** An instant query's value at {@code timeMillis}. */
  public static Rendered instant(Value value, long timeMillis, int limit) {
    if (value instanceof Scalar s) {
      return new Rendered(new Data("scalar", point(timeMillis, GoFloats.format(s.value()))), List.of());
    }
    if (value instanceof StringValue s) {
      return new Rendered(new Data("string", point(timeMillis, s.value())), List.of());
    }
    if (value instanceof Matrix m) {
      return matrix(m, limit);
    }
    List<Sample> samples = ((Vector) value).samples();
    List<VectorSample> result = new ArrayList<>();
    for (Sample s : samples.subList(0, Math.min(limit, samples.size()))) {
      result.add(new VectorSample(metric(s.labels()), point(timeMillis, GoFloats.format(s.value()))));
    }
    return new Rendered(new Data("vector", result), samples.size() > limit ? List.of(TRUNCATED) : List.of());
  }

  /** A range query's result (or an instant query of a range selector). */
  public static Rendered matrix(Matrix matrix, int limit) {
    List<Series> all = matrix.series();
    List<MatrixSeries> result = new ArrayList<>();
    for (Series s : all.subList(0, Math.min(limit, all.size()))) {
      List<List<Object>> values = new ArrayList<>(s.size());
      for (int i = 0; i < s.size(); i++) {
        values.add(point(s.timestamps()[i], GoFloats.format(s.values()[i])));
      }
      result.add(new MatrixSeries(metric(s.resultLabels()), values));
    }
    return new Rendered(new Data("matrix", result), all.size() > limit ? List.of(TRUNCATED) : List.of());
  }

  private static List<Object> point(long millis, String value) {
    BigDecimal seconds = GoFloats.seconds(millis);
    return List.of(seconds, value);
  }

  private static Map<String, String> metric(Labels labels) {
    return labels.toMap();
  }
}
