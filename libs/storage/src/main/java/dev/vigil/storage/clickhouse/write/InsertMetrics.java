package dev.vigil.storage.clickhouse.write;

import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import dev.vigil.domain.telemetry.Exemplar;
import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.storage.MetricWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Inserts a metric batch as three RowBinary INSERTs (see {@link RowBinaryInsert}): the series catalogue
 * ({@code metric_series}, one row per series and UTC day its samples fall on), then {@code metric_samples},
 * then {@code metric_exemplars}. Each table gets its own token derived from the caller's
 * ({@code token:series}, ...), so a batch retried after a partial failure writes only what is missing.
 *
 * <p>Values are written by their raw bits, so a NaN keeps its payload and a Prometheus staleness marker
 * ({@link MetricSample#STALE_NAN_BITS}) stays distinguishable from other NaN values: the driver's Float64
 * serialiser canonicalises NaN ({@code Double.doubleToLongBits}), so the column is serialised as Int64,
 * which has the same 8-byte little-endian RowBinary form; the server still reads it as Float64.
 */
public final class InsertMetrics implements MetricWriter {

  // Same RowBinary width as Float64; see the class comment.
  private static final Map<String, String> VALUE_AS_BITS = Map.of("value", "Int64");

  private final RowBinaryInsert<SeriesDay> series;
  private final RowBinaryInsert<MetricSample> samples;
  private final RowBinaryInsert<Exemplar> exemplars;
  private final Clock clock;

  public InsertMetrics(ClickHouseStorage storage) {
    this(storage, Clock.systemUTC());
  }

  InsertMetrics(ClickHouseStorage storage, Clock clock) {
    this.series = new RowBinaryInsert<>(storage, "metric_series", "metric series", InsertMetrics::write);
    this.samples =
        new RowBinaryInsert<>(storage, "metric_samples", "metric samples", VALUE_AS_BITS, InsertMetrics::write);
    this.exemplars =
        new RowBinaryInsert<>(storage, "metric_exemplars", "exemplars", VALUE_AS_BITS, InsertMetrics::write);
    this.clock = clock;
  }

  @Override
  public void insert(MetricBatch batch, String deduplicationToken) {
    DeduplicationTokens.check(deduplicationToken);
    series.insert(seriesDays(batch), deduplicationToken + ":series");
    samples.insert(batch.samples(), deduplicationToken + ":samples");
    exemplars.insert(batch.exemplars(), deduplicationToken + ":exemplars");
  }

  /** A catalogue row: the series as seen on one UTC day. */
  record SeriesDay(MetricSeries series, LocalDate date) {}

  /**
   * One row per series and distinct UTC day of its samples in this batch, in batch order (a replay must
   * produce the same rows in the same order for its token to match); a series without samples here is
   * catalogued under today.
   */
  List<SeriesDay> seriesDays(MetricBatch batch) {
    Map<SeriesKey, SortedSet<LocalDate>> days = new HashMap<>();
    for (MetricSample s : batch.samples()) {
      days.computeIfAbsent(new SeriesKey(s.projectId(), s.fingerprint()), k -> new TreeSet<>())
          .add(utcDay(s.timestampMillis()));
    }
    List<SeriesDay> rows = new ArrayList<>();
    for (MetricSeries s : batch.series()) {
      SortedSet<LocalDate> seen = days.get(new SeriesKey(s.projectId(), s.fingerprint()));
      if (seen == null) {
        rows.add(new SeriesDay(s, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
      } else {
        seen.forEach(day -> rows.add(new SeriesDay(s, day)));
      }
    }
    return rows;
  }

  private static LocalDate utcDay(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  private record SeriesKey(long projectId, long fingerprint) {}

  private static void write(RowBinaryFormatWriter w, SeriesDay row) {
    MetricSeries s = row.series();
    w.setLong("project_id", s.projectId());
    w.setDate("date", row.date());
    w.setString("metric_name", Values.text(s.metricName()));
    // UInt64 written by its bits: fingerprints use all 64 bits.
    w.setLong("fingerprint", s.fingerprint());
    w.setValue("labels", s.labels());
    w.setString("family", Values.text(s.family()));
    w.setString("metric_type", s.type().wireName());
    w.setString("unit", Values.text(s.unit()));
    w.setString("help", Values.text(s.help()));
  }

  private static void write(RowBinaryFormatWriter w, MetricSample s) {
    w.setLong("project_id", s.projectId());
    w.setString("metric_name", Values.text(s.metricName()));
    w.setLong("fingerprint", s.fingerprint());
    w.setLong("timestamp_ms", s.timestampMillis());
    w.setLong("value", Double.doubleToRawLongBits(s.value()));
  }

  private static void write(RowBinaryFormatWriter w, Exemplar e) {
    w.setLong("project_id", e.projectId());
    w.setString("metric_name", Values.text(e.metricName()));
    w.setLong("fingerprint", e.fingerprint());
    w.setLong("timestamp_ms", e.timestampMillis());
    w.setLong("value", Double.doubleToRawLongBits(e.value()));
    w.setString("trace_id", Values.text(e.traceId()));
    w.setString("span_id", Values.text(e.spanId()));
    w.setValue("labels", e.labels());
  }
}
