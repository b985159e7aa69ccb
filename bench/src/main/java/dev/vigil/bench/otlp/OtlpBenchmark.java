package dev.vigil.bench.otlp;

import dev.vigil.bench.common.ClickHouseHttp;
import dev.vigil.bench.common.Options;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives Vigil's otlp-receiver with OTLP/HTTP protobuf export requests (spans, log records or metric points),
 * then polls ClickHouse until every accepted item is stored. Not a test: run it by hand, see bench/README.md.
 *
 * <p>java -cp bench/target/classes dev.vigil.bench.otlp.OtlpBenchmark --key PUBLIC_KEY --project ID [--mode
 * spans|logs|metrics|traces] [--otlp-url http://localhost:4318] [--clickhouse http://localhost:18123] [--database
 * vigil] [--duration 30] [--batch 512] [--concurrency 8] [--gzip false] [--drain-timeout 300] [--max-items 0]
 * [--rate 0] [--spread-hours 0]
 *
 * <p>{@code --mode traces} sends application-shaped traces and their logs (see {@link AppTraces}) to seed a
 * project for the UI benchmark.
 *
 * <p>The protobuf messages are written by the small {@link Proto} writer rather than with protobuf-java: the
 * benchmarks have no dependencies, and the handful of OTLP fields they need are stable wire format.
 */
public final class OtlpBenchmark {
  static final String USAGE = "java -cp bench/target/classes dev.vigil.bench.otlp.OtlpBenchmark"
      + " --key PUBLIC_KEY --project ID [--mode spans|logs|metrics|traces]"
      + " [--otlp-url http://localhost:4318] [--clickhouse http://localhost:18123] [--database vigil]"
      + " [--duration 30] [--batch 512] [--concurrency 8] [--gzip false] [--drain-timeout 300]"
      + " [--max-items 0] [--rate 0] [--spread-hours 0]";

  private OtlpBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    options.requireAll(USAGE, "key", "project");
    Mode mode = Mode.valueOf(options.get("mode", "spans").toUpperCase());
    long project = Long.parseLong(options.get("project"));
    int batch = Integer.parseInt(options.get("batch", "512"));
    int concurrency = Integer.parseInt(options.get("concurrency", "8"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration", "30")));
    Duration drainTimeout = Duration.ofSeconds(Long.parseLong(options.get("drain-timeout", "300")));
    boolean gzip = Boolean.parseBoolean(options.get("gzip", "false"));
    String otlpUrl = options.get("otlp-url", "http://localhost:4318");
    long maxItems = Long.parseLong(options.get("max-items", "0"));
    double rate = Double.parseDouble(options.get("rate", "0"));
    Duration spread = Duration.ofMinutes((long) (60 * Double.parseDouble(options.get("spread-hours", "0"))));
    String database = options.get("database", "vigil");
    ClickHouseHttp clickhouse =
        new ClickHouseHttp(options.get("clickhouse", "http://localhost:18123"), HttpClient.newHttpClient());
    String countSql = mode.countSql(database, project);
    String logCountSql = Mode.LOGS.countSql(database, project);

    System.out.printf("Vigil OTLP benchmark: %s to %s (project %d), %d per request, %d connections, %s%s%s%s%n",
        mode.unit, otlpUrl + mode.path, project, batch, concurrency, duration, gzip ? ", gzip" : "",
        maxItems > 0 ? ", at most " + maxItems + " " + mode.unit : "", rate > 0 ? ", at most " + rate + "/s" : "");
    long baseline = clickhouse.count(countSql);
    long logBaseline = mode == Mode.TRACES ? clickhouse.count(logCountSql) : 0;
    ExportLoad load = new ExportLoad(otlpUrl, options.get("key"), mode, batch, concurrency, gzip);
    load.maxItems = maxItems > 0 ? maxItems : Long.MAX_VALUE;
    load.rate = rate;
    load.appTraces = mode == Mode.TRACES ? new AppTraces(spread) : null;
    load.run(duration);
    double seconds = Duration.between(load.started, load.finished).toMillis() / 1000.0;
    long accepted = load.acceptedItems.sum();
    System.out.printf("%naccepted %d %s in %.1f s: %.0f %s/s (%d requests), failures %s%n",
        accepted, mode.unit, seconds, accepted / seconds, mode.unit, load.acceptedRequests.sum(), load.stats.failures);
    System.out.println("request latency: " + load.stats.latency.summary());
    if (mode == Mode.TRACES) {
      System.out.printf("traces: %d, of which %d large (hundreds of spans); log records accepted: %d%n",
          load.appTraces.traces.sum(), load.appTraces.largeTraces.sum(), load.acceptedLogs.sum());
    }

    Instant drainStart = Instant.now();
    long stored = 0;
    while (stored < accepted && Duration.between(drainStart, Instant.now()).compareTo(drainTimeout) < 0) {
      Thread.sleep(1000);
      long now = clickhouse.count(countSql) - baseline;
      if (now != stored) {
        System.out.printf("  stored: %d / %d%n", now, accepted);
      }
      stored = now;
    }
    long logsStored = 0;
    while (mode == Mode.TRACES && logsStored < load.acceptedLogs.sum()
        && Duration.between(drainStart, Instant.now()).compareTo(drainTimeout) < 0) {
      logsStored = clickhouse.count(logCountSql) - logBaseline;
      System.out.printf("  log records stored: %d / %d%n", logsStored, load.acceptedLogs.sum());
      if (logsStored < load.acceptedLogs.sum()) {
        Thread.sleep(1000);
      }
    }
    double total = Duration.between(load.started, Instant.now()).toMillis() / 1000.0;
    System.out.printf("stored %d of %d accepted %s %.1f s after the last request; %.0f %s/s from first request to"
        + " last row stored%n", stored, accepted, mode.unit, Duration.between(drainStart, Instant.now()).toMillis() / 1000.0,
        stored / total, mode.unit);
    System.exit(stored >= accepted && logsStored >= load.acceptedLogs.sum() ? 0 : 1);
  }
}
