package dev.vigil.bench.ingest;

import dev.vigil.bench.common.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Drives Vigil's ingest-gateway with envelopes captured from real Sentry SDKs, then waits until query-service
 * counts every accepted event. Not a test: run it by hand from the repository root, see bench/README.md.
 *
 * <p>java -cp bench/target/classes dev.vigil.bench.ingest.IngestBenchmark --dsn DSN --query-url URL --token TOKEN
 * [--duration 30] [--max-envelopes 300000] [--concurrency 48] [--envelopes bench/envelopes] [--drain-timeout 180]
 * [--rate 0] [--issues 0 --spread-days 7 --start-at 0] [--clickhouse URL --database vigil]
 *
 * <p>With {@code --issues N} it seeds a project for the UI benchmark instead of replaying identical errors:
 * see {@link IssueVariation}.
 */
public final class IngestBenchmark {
  static final String USAGE = "java -cp bench/target/classes dev.vigil.bench.ingest.IngestBenchmark"
      + " --dsn http://KEY@localhost:8010/1"
      + " --query-url http://localhost:8013 --token ADMIN_TOKEN [--duration 30] [--max-envelopes 300000]"
      + " [--concurrency 48] [--envelopes bench/envelopes] [--drain-timeout 180] [--rate 0]"
      + " [--issues 0 --spread-days 7 --start-at 0] [--clickhouse http://127.0.0.1:18123 --database vigil]";

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parseStrict(args);
    Dsn dsn = Dsn.parse(options.require("dsn", USAGE));
    List<Template> templates = Template.loadAll(Path.of(options.get("envelopes", "bench/envelopes")), dsn);
    int concurrency = Integer.parseInt(options.get("concurrency", "48"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration", "30")));
    long maxEnvelopes = Long.parseLong(options.get("max-envelopes", "300000"));
    Duration drainTimeout = Duration.ofSeconds(Long.parseLong(options.get("drain-timeout", "180")));
    double rate = Double.parseDouble(options.get("rate", "0"));
    int issues = Integer.parseInt(options.get("issues", "0"));
    IssueVariation variation = issues <= 0 ? null
        : new IssueVariation(templates, issues, Duration.ofDays(Long.parseLong(options.get("spread-days", "7"))));
    EventCounter issueList = new IssueListEvents(options.require("query-url", USAGE), options.require("token", USAGE),
        dsn.projectId());
    // Paging through 100,000 issues on every poll would dominate the run: count in ClickHouse when asked to.
    EventCounter counter = options.has("clickhouse")
        ? new ClickHouseEvents(options.get("clickhouse", ""), options.get("database", "vigil"), dsn.projectId())
        : issueList;

    System.out.printf(
        "Vigil ingest benchmark: %s, project %d, %d envelope shapes (%s), concurrency %d, at most %s or %d envelopes%n",
        dsn.gatewayUrl(), dsn.projectId(), templates.size(),
        String.join(", ", templates.stream().map(t -> t.name).toList()), concurrency, duration, maxEnvelopes);
    if (variation != null) {
      System.out.printf("varied into %d issues, timestamps over the last %s%s%n", issues, variation.spread,
          rate > 0 ? ", at most " + rate + " envelopes/s" : "");
    }
    long baseline = counter.count();
    System.out.printf("events already in the project: %d%n", baseline);

    EnvelopeLoad load = new EnvelopeLoad(dsn, templates, concurrency, duration, maxEnvelopes, rate, variation);
    // Resuming an interrupted seeding: envelope numbers continue, so do the issues they create.
    load.issued.set(Long.parseLong(options.get("start-at", "0")));
    load.run();
    load.report();

    long expected = baseline + load.accepted.sum();
    Instant drainStart = Instant.now();
    long seen = baseline;
    Instant lastProgress = drainStart;
    while (seen < expected && Duration.between(drainStart, Instant.now()).compareTo(drainTimeout) < 0) {
      Thread.sleep(500);
      long now = counter.count();
      if (now != seen) {
        lastProgress = Instant.now();
        System.out.printf("  queryable: %d / %d events%n", now - baseline, expected - baseline);
      }
      seen = now;
    }
    Duration drained = Duration.between(drainStart, Instant.now());
    Duration endToEnd = Duration.between(load.started, seen >= expected ? Instant.now() : lastProgress);
    System.out.println();
    if (seen >= expected) {
      System.out.printf("all %d accepted events queryable %.1f s after the last envelope was accepted%n",
          load.accepted.sum(), drained.toMillis() / 1000.0);
    } else {
      System.out.printf("only %d of %d accepted events queryable after waiting %s%n",
          seen - baseline, load.accepted.sum(), drainTimeout);
    }
    System.out.printf("events/s through to ClickHouse (first send to last event queryable): %.0f%n",
        (seen - baseline) / (endToEnd.toMillis() / 1000.0));
    if (seen < expected) {
      System.exit(1);
    }
  }
}
