package dev.vigil.storage.clickhouse.read.metrics;

import java.util.List;
import java.util.Set;

/**
 * The queries {@link PrometheusSideBySideTest} runs on both Prometheus and Vigil, grouped by what they
 * exercise; {@code @AT} is replaced by a time within the data. Queries over {@code http_requests_total}
 * and the histogram meet api-b's counter reset in most windows after minute 50.
 */
final class SideBySideQueries {

  static final List<String> ALL = List.of(
      // selectors and matchers
      "http_requests_total",
      "http_requests_total{job=\"api\", code=~\"5..\"}",
      "http_requests_total{code!=\"200\", method!~\"P.*\"}",
      "{__name__=~\"up|queue_depth\", job!=\"api\"}",
      "queue_depth{queue=\"emails\"}",
      "http_requests_total{instance=\"api-b:8080\", method=\"GET\", code=\"200\"}[2m]",
      // offset and @
      "http_requests_total{job=\"web\"} offset 10m",
      "rate(http_requests_total{job=\"api\"}[5m] offset 30m)",
      "http_requests_total{code=\"500\"} @AT",
      "sum by (job) (rate(http_requests_total[5m] @ end()))",
      "queue_depth - queue_depth offset 15m",
      // counters
      "rate(http_requests_total[5m])",
      "irate(http_requests_total{code=\"200\"}[1m])",
      "increase(http_requests_total{job=\"api\"}[10m])",
      "resets(http_requests_total{method=\"GET\"}[1h])",
      "changes(app_build_number[1h])",
      // gauges
      "delta(node_memory_free_bytes[10m])",
      "idelta(queue_depth[2m])",
      "deriv(node_memory_free_bytes[15m])",
      "predict_linear(node_memory_free_bytes[30m], 3600)",
      "timestamp(queue_depth)",
      // *_over_time
      "avg_over_time(queue_depth[10m])",
      "min_over_time(node_memory_free_bytes[10m])",
      "max_over_time(queue_depth[30m])",
      "sum_over_time(queue_depth[5m])",
      "count_over_time(queue_depth[10m])",
      "stddev_over_time(node_memory_free_bytes[20m])",
      "stdvar_over_time(queue_depth[20m])",
      "quantile_over_time(0.9, queue_depth[30m])",
      "last_over_time(queue_depth[10m])",
      "present_over_time(queue_depth{queue=\"emails\"}[5m])",
      "absent_over_time(queue_depth{queue=\"emails\"}[5m])",
      // histograms
      "histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
      "histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket[10m])))",
      "histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m]))",
      "rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])",
      "sum by (job) (rate(http_request_duration_seconds_bucket{le=\"0.25\"}[5m])) / sum by (job) (rate(http_request_duration_seconds_count[5m]))",
      // aggregations
      "sum by (job) (rate(http_requests_total[5m]))",
      "avg without (instance, method) (rate(http_requests_total[5m]))",
      "max by (code) (increase(http_requests_total[5m]))",
      "min(node_memory_free_bytes)",
      "count by (job) (up == 1)",
      "group by (version) (service_info)",
      "stddev by (job) (rate(http_requests_total{code=\"200\"}[5m]))",
      "stdvar(queue_depth)",
      "topk(2, rate(http_request_duration_seconds_sum[5m]))", // a float without ties: which of two equal values topk keeps is unspecified
      "bottomk(2, sum by (instance) (rate(http_requests_total[5m])))",
      "quantile(0.75, rate(http_requests_total{code=\"200\"}[5m]))",
      "quantile by (job) (0.5, rate(http_requests_total[5m]))",
      "count_values(\"build\", app_build_number)",
      "sum(rate(http_requests_total[5m])) by (job, code)",
      // binary operators and vector matching
      "sum by (job, instance) (rate(http_requests_total{code=~\"5..\"}[5m])) / on (job, instance) sum by (job, instance) (rate(http_requests_total[5m]))",
      "rate(http_requests_total[5m]) / ignoring (code) group_left sum without (code) (rate(http_requests_total[5m]))",
      "rate(http_requests_total[5m]) * on (job, instance) group_left (version) service_info",
      "service_info * on (job, instance) group_right (version) sum by (job, instance) (rate(http_requests_total[5m]))",
      "sum by (job, instance) (rate(http_requests_total{code=\"500\"}[5m])) > 0.5",
      "queue_depth > bool 40",
      "up == 0",
      "node_memory_free_bytes / 1024 / 1024 < 3500",
      "-queue_depth + 2 ^ 3 % 5",
      "sum(rate(http_requests_total[5m])) / scalar(count(up))",
      // set operators
      "up == 1 and on (instance) sum by (instance) (rate(http_requests_total{code=\"500\"}[5m])) > 0.3",
      "queue_depth{queue=\"emails\"} or queue_depth{queue=\"webhooks\"} * 10",
      "http_requests_total unless on (code) http_requests_total{code=\"200\"}",
      // subqueries
      "max_over_time(rate(http_requests_total{code=\"500\"}[5m])[30m:1m])",
      "avg_over_time(sum(queue_depth)[15m:])",
      "rate(http_requests_total{instance=\"api-b:8080\", code=\"200\"}[5m])[10m:2m]",
      "deriv(sum(http_requests_total)[20m:30s])",
      // absent, labels, sort, scalars and time
      "absent(nonexistent_metric{job=\"x\", env=~\"prod\"})",
      "absent(up{job=\"api\"})",
      "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
      "label_replace(rate(http_requests_total[5m]), \"class\", \"${1}xx\", \"code\", \"(.).*\")",
      "label_join(up, \"target\", \"/\", \"job\", \"instance\")",
      "sort(sum by (instance) (rate(http_requests_total[5m])))",
      "sort_desc(queue_depth)",
      "round(abs(delta(queue_depth[10m])) / 3, 0.5) + clamp(queue_depth, 10, 30) - clamp_min(sqrt(queue_depth), 2)",
      "ln(node_memory_free_bytes) - ceil(log2(node_memory_free_bytes)) * floor(log10(node_memory_free_bytes)) + exp(up{job=\"node\"})",
      "vector(1) + time()",
      "hour(timestamp(up)) * 60 + minute(timestamp(up)) + days_in_month(timestamp(up))",
      "day_of_week() + day_of_month() * month() - year()",
      "scalar(sum(up)) * 2",
      // errors: both must fail with the same error type
      "http_requests_total * on (job) group_left up");

  /** Queries that fail (an execution error) in Prometheus, so Vigil must fail with the same error type. */
  static final Set<String> FAILING = Set.of("http_requests_total * on (job) group_left up");

  private SideBySideQueries() {}
}
