package dev.vigil.bench.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/** Export requests shaped like an instrumented service's: 8 spans per trace, 20 services, a few attributes. */
final class Requests {
  static final int SERVICES = 20;

  static byte[] spans(ExportLoad load) {
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

  static byte[] logs(ExportLoad load) {
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
  static byte[] metrics(ExportLoad load) {
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
