package dev.vigil.bench.promql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.storage.prometheus.PrometheusServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What is measured on Prometheus: range queries through its HTTP API (the client's wall time, response body
 * read as a string, and Prometheus's own {@code execTotalTime} from {@code stats=all}, which leaves out
 * encoding and transfer), and rule evaluation as Prometheus reports it in /metrics.
 */
final class PrometheusSide {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrometheusServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  PrometheusSide(PrometheusServer server) {
    this.server = server;
  }

  /** Wall time and engine time of {@code runs} range queries after {@code warmups}, plus the answer's size. */
  record RangeResult(Timings wall, Timings engine, int series, long points) {}

  RangeResult rangeQuery(String query, long start, long end, long step, int warmups, int runs) throws Exception {
    String uri = "/api/v1/query_range?stats=all&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&start=" + PrometheusServer.seconds(start) + "&end=" + PrometheusServer.seconds(end)
        + "&step=" + PrometheusServer.seconds(step);
    HttpRequest request = HttpRequest.newBuilder(server.url().resolve(uri)).timeout(Duration.ofMinutes(2)).build();
    List<Double> wall = new ArrayList<>();
    List<Double> engine = new ArrayList<>();
    String body = null;
    for (int i = 0; i < warmups + runs; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - t0) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(query + ": HTTP " + response.statusCode() + " " + response.body());
      }
      body = response.body();
      if (i >= warmups) {
        wall.add(millis);
        engine.add(JSON.readTree(body).at("/data/stats/timings/execTotalTime").asDouble() * 1000);
      }
    }
    JsonNode result = JSON.readTree(body).at("/data/result");
    long points = 0;
    for (JsonNode s : result) {
      points += s.get("values").size();
    }
    return new RangeResult(Timings.of(wall), Timings.of(engine), result.size(), points);
  }

  /** Durations of the rule group's evaluations, and when each ran (Unix ms) and the samples it produced. */
  record RuleResult(Timings durations, List<Long> evaluatedAt, List<Double> samples, double failures) {}

  /** Polls /metrics until the group has been evaluated {@code evaluations} more times; the first one is skipped. */
  RuleResult ruleEvaluations(int evaluations, Duration timeout) throws IOException, InterruptedException {
    List<Double> durations = new ArrayList<>();
    List<Long> evaluatedAt = new ArrayList<>();
    List<Double> samples = new ArrayList<>();
    double last = 0;
    double failures = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean first = true;
    while (durations.size() < evaluations && System.nanoTime() < deadline) {
      String metrics = server.metrics();
      double at = metric(metrics, "prometheus_rule_group_last_evaluation_timestamp_seconds");
      if (at > 0 && at != last) {
        last = at;
        if (!first) {
          durations.add(metric(metrics, "prometheus_rule_group_last_duration_seconds") * 1000);
          samples.add(metric(metrics, "prometheus_rule_group_last_evaluation_samples"));
          evaluatedAt.add(Math.round(at * 1000));
        }
        first = false;
        failures = metric(metrics, "prometheus_rule_evaluation_failures_total");
      }
      Thread.sleep(250);
    }
    return new RuleResult(Timings.of(durations), evaluatedAt, samples, failures);
  }

  /** The value of the bench group's series of a metric ({@code name{rule_group="<file>;bench"} value}). */
  private static double metric(String metrics, String name) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(";" + BenchRules.GROUP + "\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
