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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 * <p>java bench/OtlpBenchmark.java --key PUBLIC_KEY --project ID [--mode spans|logs|metrics] [--otlp-url
 * http://localhost:4318] [--clickhouse http://localhost:18123] [--database vigil] [--duration 30] [--batch 512]
 * [--concurrency 8] [--gzip false] [--drain-timeout 300]
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
      System.err.println("usage: java bench/OtlpBenchmark.java --key PUBLIC_KEY --project ID [--mode spans|logs|metrics]"
          + " [--otlp-url http://localhost:4318] [--clickhouse http://localhost:18123] [--database vigil]"
          + " [--duration 30] [--batch 512] [--concurrency 8] [--gzip false] [--drain-timeout 300]");
      System.exit(2);
    }
    Mode mode = Mode.valueOf(options.getOrDefault("mode", "spans").toUpperCase());
    long project = Long.parseLong(options.get("project"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "512"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
    Duration drainTimeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "300")));
    boolean gzip = Boolean.parseBoolean(options.getOrDefault("gzip", "false"));
    String url = options.getOrDefault("otlp-url", "http://localhost:4318") + mode.path;
    ClickHouse clickhouse =
        new ClickHouse(options.getOrDefault("clickhouse", "http://localhost:18123"), options.getOrDefault("database", "vigil"));
    String countSql = mode.countSql(clickhouse.database, project);

    System.out.printf("Vigil OTLP benchmark: %s to %s (project %d), %d per request, %d connections, %s%s%n",
        mode.unit, url, project, batch, concurrency, duration, gzip ? ", gzip" : "");
    long baseline = clickhouse.count(countSql);
    Load load = new Load(url, options.get("key"), mode, batch, concurrency, gzip);
    load.run(duration);
    double seconds = Duration.between(load.started, load.finished).toMillis() / 1000.0;
    long accepted = load.acceptedItems.sum();
    System.out.printf("%naccepted %d %s in %.1f s: %.0f %s/s (%d requests), failures %s%n",
        accepted, mode.unit, seconds, accepted / seconds, mode.unit, load.acceptedRequests.sum(), load.failures);
    System.out.printf("request latency: p50 < %s, p99 < %s, max < %s%n",
        load.percentile(0.5), load.percentile(0.99), load.percentile(1.0));

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
    double total = Duration.between(load.started, Instant.now()).toMillis() / 1000.0;
    System.out.printf("stored %d of %d accepted %s %.1f s after the last request; %.0f %s/s from first request to"
        + " last row stored%n", stored, accepted, mode.unit, Duration.between(drainStart, Instant.now()).toMillis() / 1000.0,
        stored / total, mode.unit);
    System.exit(stored >= accepted ? 0 : 1);
  }

  /** What is sent, where, and how it is counted in ClickHouse. */
  enum Mode {
    SPANS("/v1/traces", "spans"),
    LOGS("/v1/logs", "log records"),
    METRICS("/v1/metrics", "metric points");

    final String path;
    final String unit;

    Mode(String path, String unit) {
      this.path = path;
      this.unit = unit;
    }

    String countSql(String database, long project) {
      return switch (this) {
        case SPANS -> "SELECT count() FROM " + database + ".spans WHERE project_id = " + project;
        case LOGS -> "SELECT count() FROM " + database + ".logs WHERE project_id = " + project;
        case METRICS -> "SELECT count() FROM " + database + ".metric_samples WHERE project_id = " + project
            + " AND metric_name LIKE 'bench\\\\_%'";
      };
    }
  }

  /** Concurrent senders for a fixed duration; counts accepted items, failures by cause, latency buckets. */
  static final class Load {
    final String url;
    final String key;
    final Mode mode;
    final int batch;
    final int concurrency;
    final boolean gzip;
    final HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final LongAdder acceptedItems = new LongAdder();
    final LongAdder acceptedRequests = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final long[] latencyBuckets = new long[64];
    // Unique ids and timestamps across requests: the stores collapse rows with equal keys.
    final AtomicLong sequence = new AtomicLong();
    final long runId = ThreadLocalRandom.current().nextLong();
    final long startNanos = System.currentTimeMillis() * 1_000_000L;
    Instant started;
    Instant finished;

    Load(String url, String key, Mode mode, int batch, int concurrency, boolean gzip) {
      this.url = url;
      this.key = key;
      this.mode = mode;
      this.batch = batch;
      this.concurrency = concurrency;
      this.gzip = gzip;
    }

    void run(Duration duration) throws InterruptedException {
      started = Instant.now();
      Instant deadline = started.plus(duration);
      CountDownLatch done = new CountDownLatch(concurrency);
      for (int w = 0; w < concurrency; w++) {
        Thread worker = new Thread(() -> {
          try {
            while (Instant.now().isBefore(deadline)) {
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
      byte[] body = switch (mode) {
        case SPANS -> Requests.spans(this);
        case LOGS -> Requests.logs(this);
        case METRICS -> Requests.metrics(this);
      };
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
          acceptedItems.add(batch);
          acceptedRequests.increment();
        } else {
          failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder()).increment();
        }
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
