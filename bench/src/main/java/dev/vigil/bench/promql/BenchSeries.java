package dev.vigil.bench.promql;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.RawSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's samples: {@link #JOBS} services with {@link #INSTANCES} instances each, one hour of scrapes
 * every 15 s up to {@code end} (each target at its own offset within the interval, as Prometheus spreads
 * them). Per target: {@code http_requests_total} by method (GET, POST) and code (200, 201, 404, 429, 500), so
 * 1,000 counter series in all; a classic histogram {@code http_request_duration_seconds} with 10 buckets
 * (another 1,000 bucket series, plus _sum and _count); {@code up}. Fixed seeds: every run loads the same
 * values.
 */
final class BenchSeries {

  static final int JOBS = 50;
  static final int INSTANCES = 2;
  static final int SCRAPES = 241;
  static final long SCRAPE_MS = 15_000;
  static final String[] LE = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
  private static final String[] METHODS = {"GET", "POST"};
  private static final String[] CODES = {"200", "201", "404", "429", "500"};
  private static final double[] PER_SCRAPE = {60, 8, 4, 1, 0.5};

  private BenchSeries() {}

  static String job(int j) {
    return String.format("svc-%02d", j);
  }

  static List<RawSeries> generate(long end) {
    List<RawSeries> out = new ArrayList<>();
    int target = 0;
    for (int j = 0; j < JOBS; j++) {
      for (int i = 0; i < INSTANCES; i++, target++) {
        long[] times = new long[SCRAPES];
        long first = end - (SCRAPES - 1) * SCRAPE_MS - (target * 1_237L) % SCRAPE_MS;
        for (int s = 0; s < SCRAPES; s++) {
          times[s] = first + s * SCRAPE_MS;
        }
        String instance = "10.0." + j + "." + (10 + i) + ":8080";
        Random random = new Random(target);
        for (String method : METHODS) {
          for (int c = 0; c < CODES.length; c++) {
            double[] values = new double[SCRAPES];
            double total = random.nextInt(100_000);
            for (int s = 0; s < SCRAPES; s++) {
              total += Math.floor(PER_SCRAPE[c] * (method.equals("GET") ? 1 : 0.3) * (0.5 + random.nextDouble()) + random.nextDouble());
              values[s] = total;
            }
            out.add(new RawSeries(Labels.of("__name__", "http_requests_total", "job", job(j), "instance", instance,
                "method", method, "code", CODES[c]), times, values));
          }
        }
        histogram(out, times, job(j), instance, random);
        double[] up = new double[SCRAPES];
        java.util.Arrays.fill(up, target == 7 ? 0 : 1);
        out.add(new RawSeries(Labels.of("__name__", "up", "job", job(j), "instance", instance), times, up));
      }
    }
    return out;
  }

  /** Log-normal durations around 80 ms (slower for every seventh service), 40 to 80 per scrape. */
  private static void histogram(List<RawSeries> out, long[] times, String job, String instance, Random random) {
    double median = job.hashCode() % 7 == 0 ? 0.4 : 0.08;
    double[][] buckets = new double[LE.length][SCRAPES];
    double[] sums = new double[SCRAPES];
    double[] counts = new double[LE.length];
    double sum = 0;
    for (int s = 0; s < SCRAPES; s++) {
      int n = 40 + random.nextInt(41);
      for (int o = 0; o < n; o++) {
        double seconds = median * Math.exp(random.nextGaussian() * 0.9);
        sum += seconds;
        for (int b = 0; b < LE.length; b++) {
          if (b == LE.length - 1 || seconds <= Double.parseDouble(LE[b])) {
            counts[b]++;
          }
        }
      }
      for (int b = 0; b < LE.length; b++) {
        buckets[b][s] = counts[b];
      }
      sums[s] = sum;
    }
    String name = "http_request_duration_seconds";
    for (int b = 0; b < LE.length; b++) {
      out.add(new RawSeries(Labels.of("__name__", name + "_bucket", "job", job, "instance", instance, "le", LE[b]), times, buckets[b]));
    }
    out.add(new RawSeries(Labels.of("__name__", name + "_count", "job", job, "instance", instance), times, buckets[LE.length - 1]));
    out.add(new RawSeries(Labels.of("__name__", name + "_sum", "job", job, "instance", instance), times, sums));
  }
}
