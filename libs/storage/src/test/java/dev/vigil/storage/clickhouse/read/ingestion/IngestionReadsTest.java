package dev.vigil.storage.clickhouse.read.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.storage.clickhouse.read.traces.TelemetryFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The newest span, log and metric sample of a project, over the fixture's telemetry plus two samples. */
class IngestionReadsTest {

  private static final long METRICS_ONLY_PROJECT = 14;
  private static TelemetryFixture fixture;
  private static IngestionReads reads;
  private static final Instant SAMPLE_AT = TelemetryFixture.at(200_000).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

  @BeforeAll
  static void seed() {
    fixture = new TelemetryFixture();
    reads = new IngestionReads(fixture.storage);
    fixture.storage.metricWriter().insert(
        new MetricBatch(
            List.of(),
            List.of(
                new MetricSample(TelemetryFixture.PROJECT, "up", 1, SAMPLE_AT.minusSeconds(30).toEpochMilli(), 1),
                new MetricSample(TelemetryFixture.PROJECT, "up", 1, SAMPLE_AT.toEpochMilli(), 1),
                new MetricSample(METRICS_ONLY_PROJECT, "up", 2, SAMPLE_AT.toEpochMilli(), 0)),
            List.of()),
        "ingestion-" + java.util.UUID.randomUUID());
  }

  @AfterAll
  static void drop() throws Exception {
    fixture.drop();
  }

  @Test
  void findsTheNewestOfEachSignalOfTheProject() {
    LastArrivals last = reads.lastArrivals(TelemetryFixture.PROJECT, TelemetryFixture.at(0).minusSeconds(3600));
    assertThat(last.lastEvent()).isNull();
    // The newest span is trace B's child, 300.010 s after T0; the newest log 300.005 s after T0.
    assertThat(last.lastSpan()).isEqualTo(TelemetryFixture.at(300_010));
    assertThat(last.lastLog()).isEqualTo(TelemetryFixture.at(300_005));
    assertThat(last.lastMetric()).isEqualTo(SAMPLE_AT);
  }

  @Test
  void seesNothingBeforeTheWindowNorOfOtherProjects() {
    assertThat(reads.lastArrivals(TelemetryFixture.PROJECT, TelemetryFixture.at(400_000)))
        .isEqualTo(new LastArrivals(null, null, null, null));
    assertThat(reads.lastArrivals(METRICS_ONLY_PROJECT, TelemetryFixture.at(0)))
        .isEqualTo(new LastArrivals(null, null, null, SAMPLE_AT));
    assertThat(reads.lastArrivals(999, TelemetryFixture.at(0))).isEqualTo(new LastArrivals(null, null, null, null));
  }
}
