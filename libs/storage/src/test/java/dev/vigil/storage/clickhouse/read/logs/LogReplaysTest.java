package dev.vigil.storage.clickhouse.read.logs;

import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.PROJECT;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.TRACE_A;
import static dev.vigil.storage.clickhouse.read.traces.TelemetryFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.clickhouse.read.traces.TelemetryFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replayed batch of log records is stored twice until ClickHouse merges it; searches, pages and a
 * trace's logs still show every record once, and pages stay full.
 */
class LogReplaysTest {

  private static final Instant TO = Instant.now().plusSeconds(60);
  private static final Instant FROM = TO.minusSeconds(3600);

  private static TelemetryFixture fixture;
  private static LogReads reads;

  @BeforeAll
  static void seedTwice() {
    fixture = new TelemetryFixture();
    fixture.writeLogs();
    reads = new LogReads(fixture.storage);
  }

  @AfterAll
  static void drop() throws Exception {
    fixture.drop();
  }

  @Test
  void eachRecordIsShownOnceAndPagesStayFull() {
    LogQuery all = new LogQuery(PROJECT, FROM, TO, null, null, List.of(), List.of(), null);

    assertThat(reads.search(all, null, 10)).extracting(LogRecord::id).containsExactly(4L, 3L, 2L, 1L);
    List<LogRecord> first = reads.search(all, null, 2);
    assertThat(first).extracting(LogRecord::id).containsExactly(4L, 3L);
    assertThat(reads.search(all, LogPosition.of(first.get(1)), 2)).extracting(LogRecord::id).containsExactly(2L, 1L);
  }

  @Test
  void aTracesLogsAreShownOnce() {
    assertThat(reads.traceLogs(PROJECT, TRACE_A, at(0), at(400), 10)).extracting(LogRecord::id).containsExactly(1L, 2L);
  }
}
