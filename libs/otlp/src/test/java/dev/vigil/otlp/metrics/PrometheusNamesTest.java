package dev.vigil.otlp.metrics;

import static dev.vigil.otlp.metrics.PrometheusNames.Kind.EXPONENTIAL_HISTOGRAM;
import static dev.vigil.otlp.metrics.PrometheusNames.Kind.GAUGE;
import static dev.vigil.otlp.metrics.PrometheusNames.Kind.HISTOGRAM;
import static dev.vigil.otlp.metrics.PrometheusNames.Kind.MONOTONIC_COUNTER;
import static dev.vigil.otlp.metrics.PrometheusNames.Kind.NON_MONOTONIC_COUNTER;
import static dev.vigil.otlp.metrics.PrometheusNames.Kind.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusNamesTest {

  static Stream<Arguments> metricNames() {
    return Stream.of(
        Arguments.of("http.server.request.duration", "s", HISTOGRAM, "http_server_request_duration_seconds"),
        Arguments.of("requests", "{request}", MONOTONIC_COUNTER, "requests_total"),
        Arguments.of("system.memory.utilization", "1", GAUGE, "system_memory_utilization_ratio"),
        Arguments.of("system.network.io", "By", MONOTONIC_COUNTER, "system_network_io_bytes_total"),
        Arguments.of("speed", "m/s", GAUGE, "speed_meters_per_second"),
        Arguments.of("data.transferred", "KiBy/s", MONOTONIC_COUNTER, "data_transferred_kibibytes_per_second_total"),
        Arguments.of("queue.drain", "{item}/s", GAUGE, "queue_drain_per_second"),
        Arguments.of("requests.total", "1", MONOTONIC_COUNTER, "requests_total"),
        Arguments.of("total.requests", "", MONOTONIC_COUNTER, "requests_total"),
        Arguments.of("http.server.duration.seconds", "s", HISTOGRAM, "http_server_duration_seconds"),
        Arguments.of("http.server.active_requests", "{request}", NON_MONOTONIC_COUNTER, "http_server_active_requests"),
        Arguments.of("pool.usage", "1", NON_MONOTONIC_COUNTER, "pool_usage"),
        Arguments.of("ratio.of.hits.ratio", "1", GAUGE, "of_hits_ratio"),
        Arguments.of("room.temperature", "Cel", GAUGE, "room_temperature_celsius"),
        Arguments.of("cpu", "%", GAUGE, "cpu_percent"),
        Arguments.of("2xx.responses", "", MONOTONIC_COUNTER, "_2xx_responses_total"),
        Arguments.of("foo..bar__baz", "", GAUGE, "foo_bar_baz"),
        Arguments.of("ns:metric-name", "", GAUGE, "ns:metric_name"),
        Arguments.of("widgets", "widget", GAUGE, "widgets_widget"),
        Arguments.of("rpc.server.duration", "ms", SUMMARY, "rpc_server_duration_milliseconds"),
        Arguments.of("payload.size", "By", EXPONENTIAL_HISTOGRAM, "payload_size_bytes"),
        Arguments.of("jvm.memory.used", " By ", GAUGE, "jvm_memory_used_bytes"),
        Arguments.of("???", "", GAUGE, ""));
  }

  @ParameterizedTest(name = "{0} [{1}] {2} -> {3}")
  @MethodSource("metricNames")
  void buildsMetricNamesAsPrometheusOtlpTranslatorDoes(
      String name, String unit, PrometheusNames.Kind kind, String expected) {
    assertThat(PrometheusNames.metricName(name, unit, kind)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "http.route|http_route",
        "k8s.pod.name|k8s_pod_name",
        "a..b|a_b",
        "a__b|a_b",
        "123abc|key_123abc",
        "_private|key_private",
        "__meta__|__meta__",
        "été|key_t_",
        "...|''",
      })
  void sanitisesLabelNames(String key, String expected) {
    assertThat(PrometheusNames.labelName(key)).isEqualTo(expected.equals("''") ? "" : expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0.005, 0.005",
    "5.0, 5",
    "0, 0",
    "10000, 10000",
    "1e-7, 0.0000001",
    "1e21, 1000000000000000000000",
    "0.30000000000000004, 0.30000000000000004",
    "-2.5, -2.5",
    "Infinity, +Inf",
    "-Infinity, -Inf",
  })
  void formatsBoundsAsGoDoes(double value, String expected) {
    assertThat(PrometheusNames.formatFloat(value)).isEqualTo(expected);
  }
}
