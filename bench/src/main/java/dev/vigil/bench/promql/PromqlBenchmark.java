package dev.vigil.bench.promql;

import dev.vigil.bench.common.Options;
import dev.vigil.promql.engine.RawSeries;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import dev.vigil.storage.prometheus.OpenMetricsText;
import dev.vigil.storage.prometheus.PrometheusServer;
import dev.vigil.storage.prometheus.StoredSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * PromQL range-query latency and rule-evaluation time, Vigil next to real Prometheus (Debian's 2.42) on the
 * same samples ({@link BenchSeries}: 1,000 counter series and a 1,000-series histogram, one hour at 15 s).
 * Prometheus gets them through promtool's OpenMetrics backfill and answers over its HTTP API; Vigil's engine
 * runs in this process over the ClickHouse endpoint, into a fresh database it drops at the end. The two are
 * measured one after the other, never at the same time. Not a test: see bench/README.md.
 *
 * <p>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.vigil.bench.promql.PromqlBenchmark
 * [--clickhouse http://localhost:18123] [--runs 20] [--warmups 3] [--rule-runs 5] [--evaluations 6]
 * [--keep-database false]
 */
public final class PromqlBenchmark {

  static final List<String> RANGE_QUERIES = List.of(
      "sum by (job) (rate(http_requests_total[5m]))",
      "histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))",
      "http_requests_total");
  private static final long STEP = 15_000;
  private static final String RULE_INTERVAL = "10s";

  private PromqlBenchmark() {}

  public static void main(String[] args) throws Exception {
    // The Vigil libraries log through JBoss Logging, which wants its LogManager set before the first logger.
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    Options o = Options.parseStrict(args);
    int runs = Integer.parseInt(o.get("runs", "20"));
    int warmups = Integer.parseInt(o.get("warmups", "3"));
    PrometheusServer.requireInstalled();
    System.out.println(PrometheusServer.version() + "; " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
        + System.getProperty("java.version"));

    long end = System.currentTimeMillis() / STEP * STEP;
    long start = end - Duration.ofHours(1).toMillis();
    List<RawSeries> data = BenchSeries.generate(end);
    System.out.printf("data: %d series, %d samples, %s .. %s%n", data.size(), data.stream().mapToLong(RawSeries::size).sum(),
        Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    List<BenchRules.Rule> rules = BenchRules.all();
    Path work = Files.createTempDirectory("vigil-promql-bench");
    Path samples = work.resolve("samples.om.txt");
    OpenMetricsText.write(data, samples);
    Path ruleFile = Files.writeString(work.resolve("rules.yml"), BenchRules.yaml(rules, RULE_INTERVAL));

    String database = "vigil_bench_promql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String url = "jdbc:clickhouse:" + o.get("clickhouse", "http://localhost:18123") + "/default";
    ClickHouseStorage storage = new ClickHouseStorage(url, database, "default", "");
    try {
      new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
      long t0 = System.nanoTime();
      StoredSeries.write(storage.metricWriter(), 1, data);
      System.out.printf("Vigil: loaded into ClickHouse database %s in %.1f s%n", database, (System.nanoTime() - t0) / 1e9);

      List<PrometheusSide.RangeResult> prometheusRanges = new ArrayList<>();
      try (PrometheusServer prometheus = PrometheusServer.start(Files.createDirectories(work.resolve("queries")), samples,
          List.of(), "1m")) {
        for (String query : RANGE_QUERIES) {
          prometheusRanges.add(new PrometheusSide(prometheus).rangeQuery(query, start, end, STEP, warmups, runs));
        }
      }
      PrometheusSide.RuleResult prometheusRules;
      try (PrometheusServer prometheus = PrometheusServer.start(Files.createDirectories(work.resolve("rules")), samples,
          List.of(ruleFile), RULE_INTERVAL)) {
        prometheusRules = new PrometheusSide(prometheus)
            .ruleEvaluations(Integer.parseInt(o.get("evaluations", "6")), Duration.ofMinutes(5));
      }

      VigilSide vigil = new VigilSide(storage, 1);
      System.out.printf("%nRange queries over the hour at a 15 s step (241 steps); %d runs after %d warm-ups:%n", runs, warmups);
      for (int q = 0; q < RANGE_QUERIES.size(); q++) {
        VigilSide.RangeResult v = vigil.rangeQuery(RANGE_QUERIES.get(q), start, end, STEP, warmups, runs);
        PrometheusSide.RangeResult p = prometheusRanges.get(q);
        System.out.printf("  %s%n    Prometheus HTTP %s | Prometheus engine %s | Vigil engine %s; reads: %s%n"
            + "    answer: Prometheus %d series / %d points, Vigil %d series / %d points%n", RANGE_QUERIES.get(q),
            p.wall(), p.engine(), v.timings(), v.reads(), p.series(), p.points(), v.series(), v.points());
      }
      List<Long> evaluated = prometheusRules.evaluatedAt();
      long evalTime = evaluated.isEmpty() ? end : evaluated.get(evaluated.size() / 2);
      VigilSide.RuleResult v = vigil.rules(rules, evalTime, Integer.parseInt(o.get("rule-runs", "5")));
      System.out.printf("%nRule evaluation, %d rules in one group, one after another:%n", rules.size());
      System.out.printf("  Prometheus (prometheus_rule_group_last_duration_seconds, %d evaluations every %s): %s;"
          + " samples produced %s, evaluation failures %.0f%n", prometheusRules.durations().sorted().length, RULE_INTERVAL,
          prometheusRules.durations(), prometheusRules.samples(), prometheusRules.failures());
      System.out.printf("  Vigil (%d instant queries %.0f s after the last scrape): %s; reads: %s;"
          + " recording rules answered %d series, alert expressions %d%n", rules.size(), (evalTime - end) / 1000.0,
          v.timings(), v.reads(), v.recordedSeries(), v.alertingSeries());
    } finally {
      if (!Boolean.parseBoolean(o.get("keep-database", "false"))) {
        try (Connection c = storage.connection();
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + database);
        }
      }
      storage.close();
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
