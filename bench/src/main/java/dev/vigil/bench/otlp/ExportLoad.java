package dev.vigil.bench.otlp;

import dev.vigil.bench.common.Pace;
import dev.vigil.bench.common.RequestStats;
import dev.vigil.bench.common.Workers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Concurrent senders for a fixed duration; counts accepted items, failures by cause, latency buckets. */
final class ExportLoad {
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
  private Pace pace;
  final LongAdder acceptedRequests = new LongAdder();
  final RequestStats stats = new RequestStats();
  // Unique ids and timestamps across requests: the stores collapse rows with equal keys.
  final AtomicLong sequence = new AtomicLong();
  final long runId = ThreadLocalRandom.current().nextLong();
  final long startNanos = System.currentTimeMillis() * 1_000_000L;
  Instant started;
  Instant finished;

  ExportLoad(String otlpUrl, String key, Mode mode, int batch, int concurrency, boolean gzip) {
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
    pace = new Pace(System.nanoTime(), rate);
    Instant deadline = started.plus(duration);
    CountDownLatch done = Workers.start(concurrency, () -> {
      while (Instant.now().isBefore(deadline) && issuedItems.get() < maxItems) {
        send();
      }
    });
    long previous = 0;
    while (!done.await(5, TimeUnit.SECONDS)) {
      long now = acceptedItems.sum();
      System.out.printf("  accepted %d %s (%d/s over the last 5 s), failures %s%n", now, mode.unit, (now - previous) / 5,
          stats.failures);
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
    try {
      pace.awaitTurn(offset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** POSTs one export request; true when the receiver accepted it. */
  private boolean post(String url, byte[] body, int items, LongAdder accepted) {
    boolean ok = stats.send(http, () -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-protobuf")
          .header("Authorization", "Bearer " + key);
      byte[] sent = body;
      if (gzip) {
        request.header("Content-Encoding", "gzip");
        sent = Requests.gzip(body);
      }
      return request.POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build();
    });
    if (ok) {
      accepted.add(items);
      acceptedRequests.increment();
    }
    return ok;
  }
}
