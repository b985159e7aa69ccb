package dev.vigil.storage.prometheus;

import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.RawSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Series as OpenMetrics text for {@code promtool tsdb create-blocks-from openmetrics}: one line per sample
 * with its timestamp (seconds, millisecond precision), series after series, then {@code # EOF}. No
 * {@code # TYPE} lines: the backfill stores samples only, and an untyped series keeps its name as written
 * ({@code http_requests_total}, {@code ..._bucket}), as Prometheus would have scraped it.
 */
public final class OpenMetricsText {

  private OpenMetricsText() {}

  public static void write(Collection<RawSeries> series, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (RawSeries s : series) {
        String name = seriesName(s.labels());
        for (int i = 0; i < s.size(); i++) {
          out.append(name).append(' ').append(value(s.values()[i])).append(' ')
              .append(PrometheusServer.seconds(s.timestamps()[i])).append('\n');
        }
      }
      out.append("# EOF\n");
    }
  }

  /** {@code name{a="1",b="2"}}, label values escaped as the exposition formats require. */
  static String seriesName(Labels labels) {
    StringBuilder sb = new StringBuilder(labels.metricName());
    String sep = "{";
    for (int i = 0; i < labels.size(); i++) {
      if (labels.name(i).equals(Labels.METRIC_NAME)) {
        continue;
      }
      sb.append(sep).append(labels.name(i)).append("=\"")
          .append(labels.value(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
      sep = ",";
    }
    return sep.equals(",") ? sb.append('}').toString() : sb.toString();
  }

  /** A float as Go's ParseFloat reads it back exactly (Java's shortest round-trip form, Prometheus's infinities). */
  static String value(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(v);
  }
}
