package dev.vigil.bench.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * --mode traces: a small shop's traffic, for seeding the UI. A web frontend serves pages by calling a dozen
 * services over HTTP; they use PostgreSQL, Redis, a search cluster, a payment provider and Kafka (a consumer
 * continues the trace after the request answered). Requests have 1-60 spans; one trace in 150 is a report job
 * with 150-700 spans (a query per order: the N+1 shape a trace view must cope with). About 3% of requests fail:
 * the failing span carries an error status and an exception event, the spans above it an error status. Server,
 * consumer and job spans log a line with their trace and span ids; failures and slow queries log an error or a
 * warning. Start times are spread uniformly over the last --spread-hours.
 */
final class AppTraces {
  static final int INTERNAL = 1, SERVER = 2, CLIENT = 3, PRODUCER = 4, CONSUMER = 5;
  private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("web-frontend", "nodejs"),
      Map.entry("catalog", "java"), Map.entry("search", "go"), Map.entry("cart", "go"), Map.entry("checkout", "python"),
      Map.entry("payments", "java"), Map.entry("inventory", "java"), Map.entry("orders", "python"),
      Map.entry("users", "python"), Map.entry("recommendations", "python"), Map.entry("reviews", "nodejs"),
      Map.entry("notifications", "nodejs"), Map.entry("report-worker", "python"));

  /** One export request with the traces' spans and one with their logs. */
  record Batch(byte[] spans, int spanCount, byte[] logs, int logCount) {}

  final Duration spread;
  final long end = System.currentTimeMillis() * 1_000_000L;
  final LongAdder traces = new LongAdder();
  final LongAdder largeTraces = new LongAdder();

  AppTraces(Duration spread) {
    this.spread = spread;
  }

  /** Whole traces until at least {@code spans} spans. */
  Batch next(int spans) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Map<String, Proto> spansByService = new TreeMap<>();
    Map<String, Proto> logsByService = new TreeMap<>();
    int spanCount = 0;
    int logCount = 0;
    while (spanCount < spans) {
      Shape shape = new Shape(random);
      Node root = shape.request();
      long start = end - (long) (random.nextDouble() * spread.toNanos());
      List<Node> nodes = new ArrayList<>();
      shape.layout(root, null, start, nodes);
      shape.maybeFail(nodes);
      byte[] traceId = Requests.randomId(16, random);
      for (Node node : nodes) {
        spansByService.computeIfAbsent(node.service, s -> new Proto().message(1, Requests.scope()))
            .message(2, node.span(traceId));
        for (Proto log : node.logs(traceId)) {
          logsByService.computeIfAbsent(node.service, s -> new Proto().message(1, Requests.scope())).message(2, log);
          logCount++;
        }
      }
      spanCount += nodes.size();
      traces.increment();
      if (nodes.size() >= 100) {
        largeTraces.increment();
      }
    }
    int instance = random.nextInt(3);
    Proto spanRequest = new Proto();
    spansByService.forEach((service, scope) ->
        spanRequest.message(1, new Proto().message(1, resource(service, instance)).message(2, scope)));
    Proto logRequest = new Proto();
    logsByService.forEach((service, scope) ->
        logRequest.message(1, new Proto().message(1, resource(service, instance)).message(2, scope)));
    return new Batch(spanRequest.toByteArray(), spanCount, logRequest.toByteArray(), logCount);
  }

  static Proto resource(String service, int instance) {
    return new Proto()
        .message(1, Requests.attribute("service.name", service))
        .message(1, Requests.attribute("service.version", "1." + (service.length() % 5) + "." + (service.hashCode() & 7)))
        .message(1, Requests.attribute("service.instance.id", service + "-" + instance))
        .message(1, Requests.attribute("host.name", service + "-" + instance))
        .message(1, Requests.attribute("deployment.environment.name", "production"))
        .message(1, Requests.attribute("telemetry.sdk.language", LANGUAGES.getOrDefault(service, "python")));
  }
}
