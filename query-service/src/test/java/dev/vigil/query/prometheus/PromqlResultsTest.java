package dev.vigil.query.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.Matrix;
import dev.vigil.promql.engine.Sample;
import dev.vigil.promql.engine.Scalar;
import dev.vigil.promql.engine.Series;
import dev.vigil.promql.engine.StringValue;
import dev.vigil.promql.engine.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shapes of Prometheus's /query and /query_range data, byte for byte. */
class PromqlResultsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rendersAVectorWithLabelsAndStringValues() throws Exception {
    Vector v = new Vector(List.of(
        new Sample(Labels.of("__name__", "up", "job", "api"), 1),
        new Sample(Labels.of("job", "db"), Double.POSITIVE_INFINITY)));
    PromqlResults.Rendered r = PromqlResults.instant(v, 1_700_000_000_500L, Integer.MAX_VALUE);
    assertThat(JSON.writeValueAsString(r.data())).isEqualTo(
        "{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"__name__\":\"up\",\"job\":\"api\"},\"value\":[1700000000.500,\"1\"]},"
            + "{\"metric\":{\"job\":\"db\"},\"value\":[1700000000.500,\"+Inf\"]}]}");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void rendersAMatrixAndDropsTheNameWhereTheEngineSaysSo() throws Exception {
    Matrix m = new Matrix(List.of(
        new Series(Labels.of("__name__", "x", "a", "1"), new long[] {1000, 16000}, new double[] {0.5, Double.NaN}, true)));
    assertThat(JSON.writeValueAsString(PromqlResults.matrix(m, 10).data())).isEqualTo(
        "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"1\"},\"values\":[[1,\"0.5\"],[16,\"NaN\"]]}]}");
  }

  @Test
  void rendersScalarsAndStringsAsOnePoint() throws Exception {
    assertThat(JSON.writeValueAsString(PromqlResults.instant(new Scalar(1e-7), 2000, 1).data()))
        .isEqualTo("{\"resultType\":\"scalar\",\"result\":[2,\"1e-07\"]}");
    assertThat(JSON.writeValueAsString(PromqlResults.instant(new StringValue("hi"), 2000, 1).data()))
        .isEqualTo("{\"resultType\":\"string\",\"result\":[2,\"hi\"]}");
  }

  @Test
  void aLimitKeepsTheFirstSeriesAndWarns() {
    Vector v = new Vector(List.of(new Sample(Labels.of("i", "1"), 1), new Sample(Labels.of("i", "2"), 2)));
    PromqlResults.Rendered r = PromqlResults.instant(v, 0, 1);
    assertThat((List<?>) r.data().result()).hasSize(1);
    assertThat(r.warnings()).containsExactly(PromqlResults.TRUNCATED);
    assertThat(PromqlResults.instant(v, 0, 2).warnings()).isEmpty();
  }
}
