package dev.vigil.storage.clickhouse.read.metrics;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.RawSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The data set {@link PrometheusSideBySideTest} loads into both Prometheus and Vigil: two hours of scrapes
 * every 15 s from {@code start}, the same on every run (fixed seeds). Five application targets (job api:
 * three instances, job web: two) expose request counters by method and code, a classic latency histogram,
 * {@code up}, {@code service_info{version}} and a build number; three node targets a memory gauge; one
 * worker target queue depths. Things rules care about happen on the way: api-b restarts at scrape
 * {@link #RESTART} (counters and histogram reset, a new build number), web-y is down for 20 scrapes, api-c's error
 * rate jumps for 30 scrapes, the emails queue is missing for 50 scrapes (12.5 min, longer than the lookback
 * delta) and the reports queue stops for good at scrape 400.
 *
 * <p>Scrape i of a target is at {@code start + 3 s + 15 s * i} plus a jitter of 0 to 1.75 s (steps of
 * 250 ms) that differs per target and scrape. Evaluating at 7 s past a minute, no sample sits exactly on a
 * window's start: there Prometheus 2.42 (closed windows {@code [t - range, t]}) and Vigil (left-open, as
 * Prometheus 3) differ by design.
 */
final class SideBySideData {

  static final long SCRAPE = 15_000;
  static final int SCRAPES = 481;
  static final int RESTART = 200;
  static final String[] LE = {"0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};

  private SideBySideData() {}

  static List<RawSeries> generate(long start) {
    List<RawSeries> out = new ArrayList<>();
    String[][] apps = {
      {"api", "api-a:8080", "1.4.2"}, {"api", "api-b:8080", "1.4.2"}, {"api", "api-c:8080", "1.5.0"},
      {"web", "web-x:3000", "1.4.2"}, {"web", "web-y:3000", "1.5.0"}
    };
    int n = 0;
    for (String[] app : apps) {
      long[] times = scrapeTimes(start, n++);
      String job = app[0];
      String instance = app[1];
      boolean restarts = instance.startsWith("api-b");
      requests(out, times, job, instance, restarts, new Random(n));
      durations(out, times, job, instance, restarts, new Random(100 + n));
      boolean down = instance.startsWith("web-y");
      out.add(gauge(Labels.of("__name__", "up", "job", job, "instance", instance), times,
          i -> down && i >= 300 && i < 320 ? 0 : 1));
      out.add(gauge(Labels.of("__name__", "service_info", "job", job, "instance", instance, "version", app[2]), times, i -> 1));
      int build = app[2].equals("1.5.0") ? 150 : 142;
      out.add(gauge(Labels.of("__name__", "app_build_number", "job", job, "instance", instance), times,
          i -> restarts && i >= RESTART ? build + 1 : build));
    }
    for (int node = 1; node <= 3; node++) {
      long[] times = scrapeTimes(start, n++);
      String instance = "node-" + node + ":9100";
      Random random = new Random(200 + node);
      double phase = node;
      out.add(gauge(Labels.of("__name__", "node_memory_free_bytes", "job", "node", "instance", instance), times,
          i -> 4e9 + 1.5e9 * Math.sin(i / 40.0 + phase) + random.nextGaussian() * 5e7));
      out.add(gauge(Labels.of("__name__", "up", "job", "node", "instance", instance), times, i -> 1));
    }
    long[] times = scrapeTimes(start, n);
    String[] queues = {"emails", "reports", "webhooks"};
    for (int q = 0; q < queues.length; q++) {
      Random random = new Random(300 + q);
      double[] depth = {20 * q};
      IntPredicate present = switch (queues[q]) {
        case "emails" -> i -> i < 150 || i >= 200;
        case "reports" -> i -> i < 400;
        default -> i -> true;
      };
      out.add(series(Labels.of("__name__", "queue_depth", "job", "worker", "instance", "worker-1:9100", "queue", queues[q]),
          times, i -> depth[0] = Math.max(0, depth[0] + random.nextInt(11) - 5), present));
    }
    out.add(gauge(Labels.of("__name__", "up", "job", "worker", "instance", "worker-1:9100"), times, i -> 1));
    return out;
  }

  /** Counters by method and code; api-c's 500s jump between scrapes 330 and 360. */
  private static void requests(
      List<RawSeries> out, long[] times, String job, String instance, boolean restarts, Random random) {
    String[] methods = {"GET", "POST"};
    String[] codes = {"200", "404", "500"};
    double[][] perScrape = {{40, 3, 0.6}, {12, 1, 0.3}};
    for (int m = 0; m < methods.length; m++) {
      for (int c = 0; c < codes.length; c++) {
        double base = perScrape[m][c];
        boolean spikes = instance.startsWith("api-c") && codes[c].equals("500");
        double[] total = {random.nextInt(5_000)};
        Labels labels = Labels.of("__name__", "http_requests_total", "job", job, "instance", instance,
            "method", methods[m], "code", codes[c]);
        out.add(gauge(labels, times, i -> {
          double rate = spikes && i >= 330 && i < 360 ? base * 20 : base;
          double increment = Math.floor(rate * (0.5 + random.nextDouble()) + random.nextDouble());
          total[0] = restarts && i == RESTART ? increment : total[0] + increment;
          return total[0];
        }));
      }
    }
  }

  /** A classic histogram of request durations (log-normal around 120 ms, web twice as slow), with _sum and _count. */
  private static void durations(
      List<RawSeries> out, long[] times, String job, String instance, boolean restarts, Random random) {
    double[][] buckets = new double[LE.length][SCRAPES];
    double[] sums = new double[SCRAPES];
    double[] counts = new double[LE.length];
    double sum = 0;
    double median = job.equals("web") ? 0.24 : 0.12;
    for (int i = 0; i < SCRAPES; i++) {
      if (restarts && i == RESTART) {
        Arrays.fill(counts, 0);
        sum = 0;
      }
      int observations = 30 + random.nextInt(20);
      for (int o = 0; o < observations; o++) {
        double seconds = median * Math.exp(random.nextGaussian() * 0.8);
        sum += seconds;
        for (int b = 0; b < LE.length; b++) {
          if (b == LE.length - 1 || seconds <= Double.parseDouble(LE[b])) {
            counts[b]++;
          }
        }
      }
      for (int b = 0; b < LE.length; b++) {
        buckets[b][i] = counts[b];
      }
      sums[i] = sum;
    }
    String name = "http_request_duration_seconds";
    for (int b = 0; b < LE.length; b++) {
      double[] values = buckets[b];
      Labels labels = Labels.of("__name__", name + "_bucket", "job", job, "instance", instance, "le", LE[b]);
      out.add(gauge(labels, times, i -> values[i]));
    }
    double[] count = buckets[LE.length - 1];
    out.add(gauge(Labels.of("__name__", name + "_count", "job", job, "instance", instance), times, i -> count[i]));
    out.add(gauge(Labels.of("__name__", name + "_sum", "job", job, "instance", instance), times, i -> sums[i]));
  }

  private static long[] scrapeTimes(long start, int target) {
    long[] times = new long[SCRAPES];
    for (int i = 0; i < SCRAPES; i++) {
      times[i] = start + 3_000 + i * SCRAPE + ((i * 5L + target * 3L) % 8) * 250;
    }
    return times;
  }

  private static RawSeries gauge(Labels labels, long[] times, IntToDoubleFunction value) {
    return series(labels, times, value, i -> true);
  }

  /** Values are computed for every scrape in order (so random walks advance), kept where {@code present}. */
  private static RawSeries series(Labels labels, long[] times, IntToDoubleFunction value, IntPredicate present) {
    long[] t = new long[SCRAPES];
    double[] v = new double[SCRAPES];
    int n = 0;
    for (int i = 0; i < SCRAPES; i++) {
      double x = value.applyAsDouble(i);
      if (present.test(i)) {
        t[n] = times[i];
        v[n++] = x;
      }
    }
    return new RawSeries(labels, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
  }
}
