package dev.vigil.bench.promql;

import java.util.ArrayList;
import java.util.List;

/**
 * 500 rules as a rules.yml holds them: per service ({@link BenchSeries#JOBS} of them) four recording rules
 * (request rate, rate by code, p99 latency, error ratio) and six alerts (error rate, p95 latency, instance
 * down, rate limiting, average latency, error budget over an hour), all in one group, so Prometheus
 * evaluates them one after another as Vigil does here.
 */
final class BenchRules {

  /** One rule: a recording rule's name or an alert's name, its expression, its {@code for}. */
  record Rule(boolean alert, String name, String expr, String holdFor) {}

  static final String GROUP = "bench";

  private BenchRules() {}

  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    for (int j = 0; j < BenchSeries.JOBS; j++) {
      String job = "job=\"" + BenchSeries.job(j) + "\"";
      String requests = "rate(http_requests_total{" + job + "}[5m])";
      String errors = "rate(http_requests_total{" + job + ", code=~\"5..\"}[5m])";
      String buckets = "rate(http_request_duration_seconds_bucket{" + job + "}[5m])";
      rules.add(new Rule(false, "job:http_requests:rate5m", "sum by (job) (" + requests + ")", null));
      rules.add(new Rule(false, "job_code:http_requests:rate5m", "sum by (job, code) (" + requests + ")", null));
      rules.add(new Rule(false, "job:http_request_duration_seconds:p99_5m",
          "histogram_quantile(0.99, sum by (job, le) (" + buckets + "))", null));
      rules.add(new Rule(false, "job:http_errors:ratio_rate5m",
          "sum by (job) (" + errors + ") / sum by (job) (" + requests + ")", null));
      rules.add(new Rule(true, "HighErrorRate",
          "sum by (job, instance) (" + errors + ") / sum by (job, instance) (" + requests + ") > 0.005", "5m"));
      rules.add(new Rule(true, "HighLatencyP95",
          "histogram_quantile(0.95, sum by (job, instance, le) (" + buckets + ")) > 0.5", "10m"));
      rules.add(new Rule(true, "InstanceDown", "up{" + job + "} == 0", "1m"));
      rules.add(new Rule(true, "RateLimited",
          "sum by (job, instance) (rate(http_requests_total{" + job + ", code=\"429\"}[5m])) > 0.05", "5m"));
      rules.add(new Rule(true, "SlowAverage", "sum by (job) (rate(http_request_duration_seconds_sum{" + job + "}[5m]))"
          + " / sum by (job) (rate(http_request_duration_seconds_count{" + job + "}[5m])) > 0.25", "5m"));
      rules.add(new Rule(true, "ErrorBudgetBurn", "sum by (job) (increase(http_requests_total{" + job + ", code=\"500\"}[1h]))"
          + " / sum by (job) (increase(http_requests_total{" + job + "}[1h])) > 0.002", "15m"));
    }
    return rules;
  }

  /** The rules as a Prometheus rule file: one group evaluated every {@code interval}. */
  static String yaml(List<Rule> rules, String interval) {
    StringBuilder y = new StringBuilder("groups:\n  - name: " + GROUP + "\n    interval: " + interval + "\n    rules:\n");
    for (Rule r : rules) {
      y.append(r.alert() ? "      - alert: " : "      - record: ").append(r.name()).append('\n');
      y.append("        expr: '").append(r.expr()).append("'\n");
      if (r.alert()) {
        y.append("        for: ").append(r.holdFor()).append('\n');
        y.append("        labels:\n          severity: page\n");
      }
    }
    return y.toString();
  }
}
