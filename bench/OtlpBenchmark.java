import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/**
 * Drives Vigil's otlp-receiver with OTLP/HTTP protobuf export requests (spans, log records or metric points),
 * then polls ClickHouse until every accepted item is stored. Not a test: run it by hand, see bench/README.md.
 *
 * <p>java bench/OtlpBenchmark.java --key PUBLIC_KEY --project ID [--mode spans|logs|metrics|traces] [--otlp-url
 * http://localhost:4318] [--clickhouse http://localhost:18123] [--database vigil] [--duration 30] [--batch 512]
 * [--concurrency 8] [--gzip false] [--drain-timeout 300] [--max-items 0] [--rate 0] [--spread-hours 0]
 *
 * <p>{@code --mode traces} sends application-shaped traces and their logs (see {@link AppTraces}) to seed a
 * project for the UI benchmark.
 *
 * <p>The protobuf messages are written by the small {@link Proto} writer below rather than with protobuf-java:
 * this is a single-file program (no classpath), and the handful of OTLP fields it needs are stable wire format.
 */
public final class OtlpBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (!options.containsKey("key") || !options.containsKey("project")) {
      System.err.println("usage: java bench/OtlpBenchmark.java --key PUBLIC_KEY --project ID [--mode spans|logs|metrics|traces]"
          + " [--otlp-url http://localhost:4318] [--clickhouse http://localhost:18123] [--database vigil]"
          + " [--duration 30] [--batch 512] [--concurrency 8] [--gzip false] [--drain-timeout 300]"
          + " [--max-items 0] [--rate 0] [--spread-hours 0]");
      System.exit(2);
    }
    Mode mode = Mode.valueOf(options.getOrDefault("mode", "spans").toUpperCase());
    long project = Long.parseLong(options.get("project"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "512"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
    Duration drainTimeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "300")));
    boolean gzip = Boolean.parseBoolean(options.getOrDefault("gzip", "false"));
    String otlpUrl = options.getOrDefault("otlp-url", "http://localhost:4318");
    long maxItems = Long.parseLong(options.getOrDefault("max-items", "0"));
    double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
    Duration spread = Duration.ofMinutes((long) (60 * Double.parseDouble(options.getOrDefault("spread-hours", "0"))));
    ClickHouse clickhouse =
        new ClickHouse(options.getOrDefault("clickhouse", "http://localhost:18123"), options.getOrDefault("database", "vigil"));
    String countSql = mode.countSql(clickhouse.database, project);
    String logCountSql = Mode.LOGS.countSql(clickhouse.database, project);

    System.out.printf("Vigil OTLP benchmark: %s to %s (project %d), %d per request, %d connections, %s%s%s%s%n",
        mode.unit, otlpUrl + mode.path, project, batch, concurrency, duration, gzip ? ", gzip" : "",
        maxItems > 0 ? ", at most " + maxItems + " " + mode.unit : "", rate > 0 ? ", at most " + rate + "/s" : "");
    long baseline = clickhouse.count(countSql);
    long logBaseline = mode == Mode.TRACES ? clickhouse.count(logCountSql) : 0;
    Load load = new Load(otlpUrl, options.get("key"), mode, batch, concurrency, gzip);
    load.maxItems = maxItems > 0 ? maxItems : Long.MAX_VALUE;
    load.rate = rate;
    load.appTraces = mode == Mode.TRACES ? new AppTraces(spread) : null;
    load.run(duration);
    double seconds = Duration.between(load.started, load.finished).toMillis() / 1000.0;
    long accepted = load.acceptedItems.sum();
    System.out.printf("%naccepted %d %s in %.1f s: %.0f %s/s (%d requests), failures %s%n",
        accepted, mode.unit, seconds, accepted / seconds, mode.unit, load.acceptedRequests.sum(), load.failures);
    System.out.printf("request latency: p50 < %s, p99 < %s, max < %s%n",
        load.percentile(0.5), load.percentile(0.99), load.percentile(1.0));
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

  /** What is sent, where, and how it is counted in ClickHouse. */
  enum Mode {
    SPANS("/v1/traces", "spans"),
    LOGS("/v1/logs", "log records"),
    METRICS("/v1/metrics", "metric points"),
    /** Application-shaped traces with their logs: counted as spans, the logs are awaited as well. */
    TRACES("/v1/traces", "spans");

    final String path;
    final String unit;

    Mode(String path, String unit) {
      this.path = path;
      this.unit = unit;
    }

    String countSql(String database, long project) {
      return switch (this) {
        case SPANS, TRACES -> "SELECT count() FROM " + database + ".spans WHERE project_id = " + project;
        case LOGS -> "SELECT count() FROM " + database + ".logs WHERE project_id = " + project;
        case METRICS -> "SELECT count() FROM " + database + ".metric_samples WHERE project_id = " + project
            + " AND metric_name LIKE 'bench\\\\_%'";
      };
    }
  }

  /** Concurrent senders for a fixed duration; counts accepted items, failures by cause, latency buckets. */
  static final class Load {
    final String otlpUrl;
    final String url;
    final String key;
    final Mode mode;
    final int batch;
    final int concurrency;
    final boolean gzip;
    final HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final LongAdder acceptedItems = new LongAdder();
    final LongAdder acceptedLogs = new LongAdder();
    final AtomicLong issuedItems = new AtomicLong();
    long maxItems = Long.MAX_VALUE;
    double rate;
    AppTraces appTraces;
    long startedNanos;
    final LongAdder acceptedRequests = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final long[] latencyBuckets = new long[64];
    // Unique ids and timestamps across requests: the stores collapse rows with equal keys.
    final AtomicLong sequence = new AtomicLong();
    final long runId = ThreadLocalRandom.current().nextLong();
    final long startNanos = System.currentTimeMillis() * 1_000_000L;
    Instant started;
    Instant finished;

    Load(String otlpUrl, String key, Mode mode, int batch, int concurrency, boolean gzip) {
      this.otlpUrl = otlpUrl;
      this.url = otlpUrl + mode.path;
      this.key = key;
      this.mode = mode;
      this.batch = batch;
      this.concurrency = concurrency;
      this.gzip = gzip;
    }

    void run(Duration duration) throws InterruptedException {
      started = Instant.now();
      startedNanos = System.nanoTime();
      Instant deadline = started.plus(duration);
      CountDownLatch done = new CountDownLatch(concurrency);
      for (int w = 0; w < concurrency; w++) {
        Thread worker = new Thread(() -> {
          try {
            while (Instant.now().isBefore(deadline) && issuedItems.get() < maxItems) {
              send();
            }
          } finally {
            done.countDown();
          }
        }, "bench-" + w);
        worker.setDaemon(true);
        worker.start();
      }
      long previous = 0;
      while (!done.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
        long now = acceptedItems.sum();
        System.out.printf("  accepted %d %s (%d/s over the last 5 s), failures %s%n", now, mode.unit, (now - previous) / 5, failures);
        previous = now;
      }
      finished = Instant.now();
    }

    private void send() {
      if (mode == Mode.TRACES) {
        AppTraces.Batch traces = appTraces.next(batch);
        pace(traces.spanCount());
        if (post(url, traces.spans(), traces.spanCount(), acceptedItems)) {
          post(otlpUrl + Mode.LOGS.path, traces.logs(), traces.logCount(), acceptedLogs);
        }
        return;
      }
      byte[] body = switch (mode) {
        case SPANS, TRACES -> Requests.spans(this);
        case LOGS -> Requests.logs(this);
        case METRICS -> Requests.metrics(this);
      };
      pace(batch);
      post(url, body, batch, acceptedItems);
    }

    /** With --rate, waits until the items reserved so far are due: a steady, bounded load. */
    private void pace(int items) {
      long offset = issuedItems.getAndAdd(items);
      if (rate <= 0) {
        return;
      }
      long wait = startedNanos + (long) (offset * 1e9 / rate) - System.nanoTime();
      try {
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** POSTs one export request; true when the receiver accepted it. */
    private boolean post(String url, byte[] body, int items, LongAdder accepted) {
      long start = System.nanoTime();
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-protobuf")
            .header("Authorization", "Bearer " + key);
        if (gzip) {
          request.header("Content-Encoding", "gzip");
          body = Requests.gzip(body);
        }
        HttpResponse<Void> response =
            http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          accepted.add(items);
          acceptedRequests.increment();
          return true;
        }
        failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder()).increment();
      } catch (IOException e) {
        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        long micros = (System.nanoTime() - start) / 1000;
        synchronized (latencyBuckets) {
          latencyBuckets[63 - Long.numberOfLeadingZeros(Math.max(1, micros))]++;
        }
      }
      return false;
    }

    /** Upper bound of the power-of-two microsecond bucket holding the percentile. */
    String percentile(double p) {
      long total = Arrays.stream(latencyBuckets).sum();
      long seen = 0;
      for (int i = 0; i < latencyBuckets.length; i++) {
        seen += latencyBuckets[i];
        if (total > 0 && seen >= Math.ceil(p * total)) {
          long micros = 1L << (i + 1);
          return micros >= 1000 ? (micros / 1000) + " ms" : micros + " µs";
        }
      }
      return "n/a";
    }
  }

  /** Export requests shaped like an instrumented service's: 8 spans per trace, 20 services, a few attributes. */
  static final class Requests {
    static final int SERVICES = 20;

    static byte[] spans(Load load) {
      long first = load.sequence.getAndAdd(load.batch);
      int service = (int) (first / load.batch % SERVICES);
      Proto scopeSpans = new Proto().message(1, scope());
      byte[] traceId = null;
      byte[] rootId = null;
      for (int i = 0; i < load.batch; i++) {
        long n = first + i;
        if (i % 8 == 0) {
          traceId = id(16, load.runId, n);
          rootId = id(8, load.runId, n);
        }
        byte[] spanId = i % 8 == 0 ? rootId : id(8, load.runId ^ 0x5bd1e995L, n);
        long start = load.startNanos + n * 1000;
        Proto span = new Proto()
            .bytes(1, traceId)
            .bytes(2, spanId)
            .bytes(4, i % 8 == 0 ? new byte[0] : rootId)
            .string(5, i % 8 == 0 ? "GET /api/orders/{id}" : "SELECT orders")
            .varint(6, i % 8 == 0 ? 2 : 3)
            .fixed64(7, start)
            .fixed64(8, start + 1_000_000L + (n % 97) * 10_000)
            .message(9, attribute("http.route", "/api/orders/{id}"))
            .message(9, attribute("db.system.name", "postgresql"))
            .message(15, new Proto().varint(3, n % 50 == 0 ? 2 : 1));
        scopeSpans.message(2, span);
      }
      Proto resourceSpans = new Proto().message(1, resource(service)).message(2, scopeSpans);
      return new Proto().message(1, resourceSpans).toByteArray();
    }

    static byte[] logs(Load load) {
      long first = load.sequence.getAndAdd(load.batch);
      int service = (int) (first / load.batch % SERVICES);
      Proto scopeLogs = new Proto().message(1, scope());
      for (int i = 0; i < load.batch; i++) {
        long n = first + i;
        long time = load.startNanos + n * 1000;
        Proto record = new Proto()
            .fixed64(1, time)
            .fixed64(11, time)
            .varint(2, n % 10 == 0 ? 17 : 9)
            .string(3, n % 10 == 0 ? "ERROR" : "INFO")
            .message(5, new Proto().string(1, "order " + n + " processed in " + (n % 300) + " ms"))
            .message(6, attribute("logger.name", "com.example.orders.OrderService"))
            .bytes(9, id(16, load.runId, n / 8))
            .bytes(10, id(8, load.runId, n));
        scopeLogs.message(2, record);
      }
      Proto resourceLogs = new Proto().message(1, resource(service)).message(2, scopeLogs);
      return new Proto().message(1, resourceLogs).toByteArray();
    }

    /** Gauges: 64 series per request, each point at its own millisecond so no two samples collapse. */
    static byte[] metrics(Load load) {
      long first = load.sequence.getAndAdd(load.batch);
      int service = (int) (first / load.batch % SERVICES);
      Proto scopeMetrics = new Proto().message(1, scope());
      int series = 64;
      int perSeries = Math.max(1, load.batch / series);
      for (int s = 0; s < series; s++) {
        Proto gauge = new Proto();
        for (int p = 0; p < perSeries; p++) {
          long n = first + (long) p * series + s;
          gauge.message(1, new Proto()
              .message(7, attribute("pool", "pool-" + s))
              .fixed64(3, load.startNanos + (first / series + p) * 1_000_000L)
              .fixed64(4, Double.doubleToLongBits(n % 1000)));
        }
        scopeMetrics.message(2, new Proto().string(1, "bench_connections").string(3, "{connection}").message(5, gauge));
      }
      Proto resourceMetrics = new Proto().message(1, resource(service)).message(2, scopeMetrics);
      return new Proto().message(1, resourceMetrics).toByteArray();
    }

    static Proto resource(int service) {
      return new Proto()
          .message(1, attribute("service.name", "bench-service-" + service))
          .message(1, attribute("service.instance.id", "bench-" + service + "-0"))
          .message(1, attribute("deployment.environment.name", "bench"));
    }

    static Proto scope() {
      return new Proto().string(1, "vigil-bench").string(2, "1.0");
    }

    static Proto attribute(String key, String value) {
      return new Proto().string(1, key).message(2, new Proto().string(1, value));
    }

    static Proto intAttribute(String key, long value) {
      return new Proto().string(1, key).message(2, new Proto().varint(3, value));
    }

    /** A random id of {@code length} bytes, never all zero (an invalid id). */
    static byte[] randomId(int length, ThreadLocalRandom random) {
      byte[] id = new byte[length];
      random.nextBytes(id);
      id[0] |= 1;
      return id;
    }

    /** {@code length} bytes: the run id, then the sequence number, so ids never repeat within or across runs. */
    static byte[] id(int length, long runId, long n) {
      byte[] id = new byte[length];
      for (int i = 0; i < 8; i++) {
        id[length - 1 - i] = (byte) (n >>> (8 * i));
        if (length == 16) {
          id[7 - i] = (byte) (runId >>> (8 * i));
        }
      }
      if (length == 8) {
        id[0] ^= (byte) runId;
        id[1] ^= (byte) (runId >>> 8);
        id[0] |= 1; // never the all-zero (invalid) id
      }
      return id;
    }

    static byte[] gzip(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return out.toByteArray();
    }
  }

  /**
   * --mode traces: a small shop's traffic, for seeding the UI. A web frontend serves pages by calling a dozen
   * services over HTTP; they use PostgreSQL, Redis, a search cluster, a payment provider and Kafka (a consumer
   * continues the trace after the request answered). Requests have 1-60 spans; one trace in 150 is a report job
   * with 150-700 spans (a query per order: the N+1 shape a trace view must cope with). About 3% of requests fail:
   * the failing span carries an error status and an exception event, the spans above it an error status. Server,
   * consumer and job spans log a line with their trace and span ids; failures and slow queries log an error or a
   * warning. Start times are spread uniformly over the last --spread-hours.
   */
  static final class AppTraces {
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

    /** A span before it has ids and times: service, operation, attributes, and the calls it makes. */
    static final class Node {
      final String service;
      final String name;
      final int kind;
      final long selfNanos;
      final List<Proto> attributes = new ArrayList<>();
      final List<Node> children = new ArrayList<>();
      boolean parallel;
      int httpStatus;
      String logLine;
      Node followUp;
      Node parent;
      byte[] spanId;
      long start;
      long end;
      String errorType;
      String errorMessage;
      boolean failed;

      Node(String service, String name, int kind, long selfNanos) {
        this.service = service;
        this.name = name;
        this.kind = kind;
        this.selfNanos = selfNanos;
      }

      Node attr(String key, String value) {
        attributes.add(Requests.attribute(key, value));
        return this;
      }

      Node add(Node... calls) {
        children.addAll(Arrays.asList(calls));
        return this;
      }

      Proto span(byte[] traceId) {
        Proto span = new Proto().bytes(1, traceId).bytes(2, spanId).bytes(4, parent == null ? new byte[0] : parent.spanId)
            .string(5, name).varint(6, kind).fixed64(7, start).fixed64(8, end);
        attributes.forEach(a -> span.message(9, a));
        if (httpStatus > 0) {
          span.message(9, Requests.intAttribute("http.response.status_code", failed ? 500 : httpStatus));
        }
        if (errorType != null) {
          span.message(11, new Proto().fixed64(1, end - 1000).string(2, "exception")
              .message(3, Requests.attribute("exception.type", errorType))
              .message(3, Requests.attribute("exception.message", errorMessage)));
        }
        return span.message(15, failed ? new Proto().string(2, errorType != null ? errorMessage : "").varint(3, 2) : new Proto());
      }

      List<Proto> logs(byte[] traceId) {
        List<Proto> logs = new ArrayList<>();
        if (logLine != null) {
          String line = logLine + (httpStatus > 0 ? " " + (failed ? 500 : httpStatus) : "") + " in " + (end - start) / 1_000_000 + " ms";
          logs.add(log(traceId, end, failed ? 13 : 9, failed ? "WARN" : "INFO", line));
        }
        if (errorType != null) {
          logs.add(log(traceId, end - 1000, 17, "ERROR", errorType + ": " + errorMessage));
        }
        if (kind == CLIENT && name.startsWith("SELECT") && end - start > 200_000_000L) {
          logs.add(log(traceId, end, 13, "WARN", "slow query (" + (end - start) / 1_000_000 + " ms): " + name));
        }
        return logs;
      }

      private Proto log(byte[] traceId, long time, int severity, String text, String body) {
        return new Proto().fixed64(1, time).fixed64(11, time).varint(2, severity).string(3, text)
            .message(5, new Proto().string(1, body))
            .message(6, Requests.attribute("logger.name", service.replace('-', '_') + ".handlers"))
            .bytes(9, traceId).bytes(10, spanId);
      }
    }

    /** Builds one trace's tree from the traffic mix below, lays it out in time and maybe fails a span. */
    static final class Shape {
      final ThreadLocalRandom random;

      Shape(ThreadLocalRandom random) {
        this.random = random;
      }

      Node request() {
        if (random.nextInt(150) == 0) {
          return reportJob();
        }
        int pick = random.nextInt(100);
        String product = "/products/" + random.nextInt(1, 5000);
        if (pick < 15) {
          Node page = server("web-frontend", "GET", "/", "/").add(
              call("web-frontend", "catalog", "GET", "/products", "/products?featured=true", redis("catalog", "GET"), sql("catalog", "SELECT", "products")),
              call("web-frontend", "recommendations", "GET", "/recommendations", "/recommendations", redis("recommendations", "GET"),
                  sql("recommendations", "SELECT", "product_views")));
          if (random.nextInt(10) < 6) {
            page.add(call("web-frontend", "users", "GET", "/users/me", "/users/me", sql("users", "SELECT", "users")));
          }
          page.parallel = true;
          return page;
        }
        if (pick < 40) {
          Node catalog = call("web-frontend", "catalog", "GET", "/products/{id}", product, redis("catalog", "GET"));
          if (random.nextInt(10) < 3) {
            catalog.children.get(0).add(sql("catalog", "SELECT", "products"), sql("catalog", "SELECT", "product_images"));
          }
          Node reviews = call("web-frontend", "reviews", "GET", "/reviews", "/reviews?product=" + product.substring(10), sql("reviews", "SELECT", "reviews"));
          for (int i = random.nextInt(6); i > 0; i--) {
            reviews.children.get(0).add(sql("reviews", "SELECT", "users"));
          }
          Node page = server("web-frontend", "GET", "/products/{id}", product)
              .add(catalog, reviews, call("web-frontend", "inventory", "GET", "/stock/{sku}", "/stock/" + product.substring(10), sql("inventory", "SELECT", "stock")));
          page.parallel = true;
          return page;
        }
        if (pick < 52) {
          return server("web-frontend", "GET", "/search", "/search").add(
              call("web-frontend", "search", "GET", "/search", "/search?q=shoes", external("search", "POST", "opensearch:9200", "/products/_search")),
              call("web-frontend", "catalog", "GET", "/products", "/products?ids=12,40,77", sql("catalog", "SELECT", "products")));
        }
        if (pick < 64) {
          return server("web-frontend", "POST", "/cart", "/cart").add(call("web-frontend", "cart", "POST", "/cart/items", "/cart/items",
              redis("cart", "HGET"), call("cart", "inventory", "GET", "/stock/{sku}", "/stock/" + product.substring(10), sql("inventory", "SELECT", "stock")),
              redis("cart", "HSET")));
        }
        if (pick < 72) {
          return server("web-frontend", "GET", "/cart", "/cart").add(call("web-frontend", "cart", "GET", "/cart", "/cart",
              redis("cart", "HGETALL"), call("cart", "catalog", "GET", "/products", "/products?ids=3,9", sql("catalog", "SELECT", "products"))));
        }
        if (pick < 80) {
          return checkout();
        }
        if (pick < 88) {
          Node orders = call("web-frontend", "orders", "GET", "/orders", "/orders?user=me", sql("orders", "SELECT", "orders"));
          for (int i = random.nextInt(3, 26); i > 0; i--) {
            orders.children.get(0).add(sql("orders", "SELECT", "order_items"));
          }
          return server("web-frontend", "GET", "/account/orders", "/account/orders")
              .add(call("web-frontend", "users", "GET", "/users/me", "/users/me", sql("users", "SELECT", "users")), orders);
        }
        if (pick < 95) {
          Node publish = publish("payments", "payment.succeeded",
              consumer("orders", "payment.succeeded").add(sql("orders", "UPDATE", "orders")));
          return server("payments", "POST", "/webhooks/stripe", "/webhooks/stripe")
              .add(sql("payments", "SELECT", "charges"), sql("payments", "UPDATE", "charges"), publish);
        }
        return server("web-frontend", "GET", "/healthz", "/healthz");
      }

      private Node checkout() {
        int items = random.nextInt(1, 7);
        Node reserve = call("checkout", "inventory", "POST", "/reservations", "/reservations");
        Node order = call("checkout", "orders", "POST", "/orders", "/orders", sql("orders", "INSERT", "orders"));
        for (int i = 0; i < items; i++) {
          reserve.children.get(0).add(sql("inventory", "UPDATE", "stock"));
          order.children.get(0).add(sql("orders", "INSERT", "order_items"));
        }
        reserve.children.get(0).add(sql("inventory", "INSERT", "reservations"));
        order.children.get(0).add(publish("orders", "order.created", consumer("notifications", "order.created")
            .add(sql("notifications", "SELECT", "users"), external("notifications", "POST", "smtp.example.com", "/send"))));
        return server("web-frontend", "POST", "/checkout", "/checkout").add(call("web-frontend", "checkout", "POST", "/checkout", "/checkout",
            call("checkout", "cart", "GET", "/cart", "/cart", redis("cart", "HGETALL")),
            reserve,
            call("checkout", "payments", "POST", "/charges", "/charges", sql("payments", "SELECT", "payment_methods"),
                external("payments", "POST", "api.stripe.com", "/v1/payment_intents"), sql("payments", "INSERT", "charges")),
            order));
      }

      private Node reportJob() {
        Node job = new Node("report-worker", "generate daily-sales report", INTERNAL, micros(2_000, 20_000));
        job.logLine = "daily-sales report generated";
        job.add(sql("report-worker", "SELECT", "orders"));
        int orders = random.nextInt(150, 700);
        for (int i = 1; i <= orders; i++) {
          job.add(sql("report-worker", "SELECT", "order_items"));
          if (i % 100 == 0) {
            job.add(new Node("report-worker", "render section", INTERNAL, micros(5_000, 40_000)));
          }
        }
        return job.add(external("report-worker", "PUT", "s3.eu-west-1.amazonaws.com", "/reports/daily-sales.pdf"),
            call("report-worker", "notifications", "POST", "/emails", "/emails", external("notifications", "POST", "smtp.example.com", "/send")));
      }

      Node server(String service, String method, String route, String path) {
        Node node = new Node(service, method + " " + route, SERVER, micros(200, 3_000))
            .attr("http.request.method", method).attr("http.route", route).attr("url.path", path.split("\\?")[0]);
        node.httpStatus = method.equals("POST") ? 201 : 200;
        node.logLine = method + " " + path;
        return node;
      }

      Node call(String from, String to, String method, String route, String path, Node... calls) {
        Node client = new Node(from, method + " " + route, CLIENT, micros(100, 800))
            .attr("http.request.method", method).attr("server.address", to).attr("url.full", "http://" + to + path);
        client.httpStatus = 200;
        return client.add(server(to, method, route, path).add(calls));
      }

      Node external(String service, String method, String host, String path) {
        Node node = new Node(service, method, CLIENT, micros(20_000, 400_000))
            .attr("http.request.method", method).attr("server.address", host).attr("url.full", "https://" + host + path);
        node.httpStatus = 200;
        return node;
      }

      Node sql(String service, String operation, String table) {
        // One query in a hundred is slow: lock waits, cold caches.
        long self = random.nextInt(100) == 0 ? micros(200_000, 2_000_000) : micros(300, 6_000);
        String text = switch (operation) {
          case "SELECT" -> "SELECT * FROM " + table + " WHERE id = $1";
          case "INSERT" -> "INSERT INTO " + table + " VALUES ($1, $2, $3)";
          default -> operation + " " + table + " SET updated_at = now() WHERE id = $1";
        };
        return new Node(service, operation + " shop." + table, CLIENT, self).attr("db.system.name", "postgresql")
            .attr("db.operation.name", operation).attr("db.collection.name", table).attr("db.query.text", text)
            .attr("server.address", "postgres");
      }

      Node redis(String service, String command) {
        return new Node(service, command, CLIENT, micros(80, 900)).attr("db.system.name", "redis")
            .attr("db.operation.name", command).attr("server.address", "redis");
      }

      Node publish(String service, String topic, Node consumer) {
        Node node = new Node(service, "publish " + topic, PRODUCER, micros(300, 3_000))
            .attr("messaging.system", "kafka").attr("messaging.destination.name", topic);
        node.followUp = consumer;
        return node;
      }

      Node consumer(String service, String topic) {
        Node node = new Node(service, "process " + topic, CONSUMER, micros(300, 4_000))
            .attr("messaging.system", "kafka").attr("messaging.destination.name", topic);
        node.logLine = "handled " + topic;
        return node;
      }

      /** Ids and times: children one after another (or all at once when parallel), a follow-up after its producer. */
      long layout(Node node, Node parent, long start, List<Node> nodes) {
        node.parent = parent;
        node.spanId = Requests.randomId(8, random);
        node.start = start;
        nodes.add(node);
        long cursor = start + node.selfNanos / 2;
        long latest = cursor;
        for (Node child : node.children) {
          long childEnd = layout(child, node, cursor + micros(20, 200), nodes);
          latest = Math.max(latest, childEnd);
          cursor = node.parallel ? cursor : childEnd;
        }
        node.end = latest + node.selfNanos - node.selfNanos / 2;
        if (node.followUp != null) {
          layout(node.followUp, node, node.end + micros(1_000, 40_000), nodes);
        }
        return node.end;
      }

      /** About 3% of traces fail in one span; the error shows on it and on the spans above it. */
      void maybeFail(List<Node> nodes) {
        if (random.nextInt(100) >= 3 || nodes.size() < 2) {
          return;
        }
        Node failing = nodes.get(random.nextInt(1, nodes.size()));
        if (failing.name.startsWith("SELECT") || failing.name.startsWith("UPDATE") || failing.name.startsWith("INSERT")) {
          failing.errorType = "psycopg.errors.DeadlockDetected";
          failing.errorMessage = "deadlock detected while waiting for ShareLock on transaction " + random.nextInt(100_000, 999_999);
        } else if (failing.kind == CLIENT) {
          failing.errorType = "TimeoutError";
          failing.errorMessage = "timed out after 5000 ms calling " + failing.name;
        } else {
          failing.errorType = "ValueError";
          failing.errorMessage = "invalid state for " + failing.name;
        }
        // Up to the request's root, or to the consumer: the request that published the message has answered.
        for (Node node = failing; node != null; node = node.kind == CONSUMER ? null : node.parent) {
          node.failed = true;
        }
      }

      private long micros(long min, long max) {
        return random.nextLong(min, max) * 1000;
      }
    }
  }

  /** The protobuf wire format, just the field types OTLP's messages above need. */
  static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    Proto varint(int field, long value) {
      tag(field, 0);
      writeVarint(value);
      return this;
    }

    Proto fixed64(int field, long value) {
      tag(field, 1);
      for (int i = 0; i < 8; i++) {
        out.write((int) (value >>> (8 * i)));
      }
      return this;
    }

    Proto bytes(int field, byte[] value) {
      if (value.length == 0) {
        return this;
      }
      tag(field, 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto message) {
      tag(field, 2);
      writeVarint(message.out.size());
      // ByteArrayOutputStream.writeTo(ByteArrayOutputStream) cannot fail.
      out.write(message.out.toByteArray(), 0, message.out.size());
      return this;
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      writeVarint((long) field << 3 | wireType);
    }

    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }

  /** Counts rows through ClickHouse's HTTP interface. */
  static final class ClickHouse {
    final String url;
    final String database;
    final HttpClient http = HttpClient.newHttpClient();

    ClickHouse(String url, String database) {
      this.url = url;
      this.database = database;
    }

    long count(String sql) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(url + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("ClickHouse answered " + response.statusCode() + " to " + sql + ": " + response.body());
      }
      return Long.parseLong(response.body().trim());
    }
  }
}
