package dev.vigil.bench.ingest;

import dev.vigil.bench.common.Pace;
import dev.vigil.bench.common.RequestStats;
import dev.vigil.bench.common.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The sending phase: {@code concurrency} workers on keep-alive connections until the time or count bound. */
final class EnvelopeLoad {
  final Dsn dsn;
  final List<Template> templates;
  final int concurrency;
  final Duration duration;
  final long maxEnvelopes;
  final double rate;
  final IssueVariation variation;
  final LongAdder accepted = new LongAdder();
  final RequestStats stats = new RequestStats();
  final AtomicLong issued = new AtomicLong();
  final HttpClient http;
  Instant started;
  Instant finished;

  EnvelopeLoad(Dsn dsn, List<Template> templates, int concurrency, Duration duration, long maxEnvelopes, double rate,
      IssueVariation variation) {
    this.dsn = dsn;
    this.rate = rate;
    this.variation = variation;
    this.templates = templates;
    this.concurrency = concurrency;
    this.duration = duration;
    this.maxEnvelopes = maxEnvelopes;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  void run() throws InterruptedException {
    started = Instant.now();
    // The n-th envelope is due n/rate seconds after the start: a steady, bounded rate.
    Pace pace = new Pace(System.nanoTime(), rate);
    long startAt = issued.get();
    Instant deadline = started.plus(duration);
    CountDownLatch done = Workers.start(concurrency, () -> {
      try {
        long n;
        while (Instant.now().isBefore(deadline) && (n = issued.incrementAndGet()) <= maxEnvelopes) {
          pace.awaitTurn(n - 1 - startAt);
          if (variation == null) {
            Template template = templates.get(ThreadLocalRandom.current().nextInt(templates.size()));
            send(template, template.next());
          } else {
            IssueVariation.Varied varied = variation.envelope(n - 1);
            send(varied.template(), varied.body());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread progress = new Thread(() -> {
      long previous = 0;
      while (done.getCount() > 0) {
        try {
          Thread.sleep(5000);
        } catch (InterruptedException e) {
          return;
        }
        long now = accepted.sum();
        System.out.printf("  accepted %d envelopes (%d/s over the last 5 s), failures %s%n",
            now, (now - previous) / 5, stats.failures);
        previous = now;
      }
    });
    progress.setDaemon(true);
    progress.start();
    done.await();
    finished = Instant.now();
    progress.interrupt();
  }

  private void send(Template template, byte[] body) {
    boolean ok = stats.send(http, () -> {
      HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      String client = switch (template.sdk) {
        case "python" -> "sentry.python/2.75.0";
        case "java" -> "sentry.java/8.20.0";
        default -> "sentry.javascript.node/11.12.0";
      };
      if ("node".equals(template.sdk)) {
        // @sentry/node authenticates with query parameters and sends small envelopes uncompressed.
        request.uri(URI.create(dsn.gatewayUrl() + "/api/" + dsn.projectId() + "/envelope/?sentry_version=7&sentry_key="
            + dsn.publicKey() + "&sentry_client=" + URLEncoder.encode(client, StandardCharsets.UTF_8)));
      } else {
        request.uri(URI.create(dsn.gatewayUrl() + "/api/" + dsn.projectId() + "/envelope/"))
            .header("Content-Type", "application/x-sentry-envelope")
            .header("Content-Encoding", "gzip")
            .header("X-Sentry-Auth", "Sentry sentry_key=" + dsn.publicKey() + ", sentry_version=7, sentry_client=" + client);
      }
      return request.build();
    });
    if (ok) {
      accepted.increment();
    }
  }

  void report() {
    double seconds = Duration.between(started, finished).toMillis() / 1000.0;
    long failed = stats.failures.total();
    System.out.println();
    System.out.printf("sent %d envelopes in %.1f s: %d accepted (%.0f envelopes/s), %d failed %s%n",
        accepted.sum() + failed, seconds, accepted.sum(), accepted.sum() / seconds, failed, stats.failures);
    System.out.println("request latency: " + stats.latency.summary());
  }
}
