package dev.vigil.storage.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.Timestamps;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsertLogsTest {

  // Recent, because the table's 30-day TTL may drop older rows as they are written.
  private static final Instant YESTERDAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);

  private static ClickHouseStorage storage;
  private static InsertLogs writer;

  @BeforeAll
  static void migrate() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
    writer = new InsertLogs(storage);
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
    storage.close();
  }

  @Test
  void storesEveryColumnAndReadsItBack() throws Exception {
    long project = 3001;
    Instant ts = YESTERDAY.plusNanos(987_654_321);
    String body = "user 'alice' failed: \"quota\" \\ exceeded\nsecond line — ünïcødé";
    // An id above Long.MAX_VALUE: stored as the unsigned value of the same 64 bits.
    LogRecord record =
        new LogRecord(project, -2L, ts, ts.plusMillis(3), "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 1,
            "WARN", 13, "checkout", body, "org.slf4j", "2.0.9", Map.of("service.name", "checkout", "host.name", "h1"),
            Map.of("user.id", "42", "tags", "[1,2]"), "user.quota");

    writer.insert(List.of(record), "logs-read-back");

    assertThat(Rows.query(storage,
            "SELECT toString(timestamp), toString(observed_timestamp), log_id, trace_id, span_id, trace_flags,"
                + " severity_text, severity_number, service_name, body, scope_name, scope_version,"
                + " resource_attributes['host.name'], length(resource_attributes), log_attributes['tags'],"
                + " length(log_attributes), event_name FROM ${database}.logs WHERE project_id = " + project))
        .containsExactly(List.of(
            Timestamps.nanos(ts), Timestamps.nanos(ts.plusMillis(3)), "18446744073709551614",
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "1", "WARN", "13", "checkout", body, "org.slf4j",
            "2.0.9", "h1", "2", "[1,2]", "2", "user.quota"));
  }

  @Test
  void storesAbsentStringsAsEmpty() throws Exception {
    long project = 3002;
    LogRecord record =
        new LogRecord(project, 1, YESTERDAY, YESTERDAY, null, null, 0, null, 0, null, null, null, null, Map.of(),
            Map.of(), null);

    writer.insert(List.of(record), "logs-absent");

    assertThat(Rows.query(storage,
            "SELECT trace_id, severity_text, body, event_name FROM ${database}.logs WHERE project_id = " + project))
        .containsExactly(List.of("", "", "", ""));
  }

  @Test
  void aBatchReplayedWithTheSameTokenIsStoredOnce() throws Exception {
    long project = 3003;
    List<LogRecord> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // Two days, so the insert is split into two partitions (two blocks) and both must be deduplicated.
      batch.add(log(project, i, YESTERDAY.minus(i % 2, ChronoUnit.DAYS).plusSeconds(i)));
    }

    writer.insert(batch, "vigil.otlp.logs-1:0-49");
    writer.insert(batch, "vigil.otlp.logs-1:0-49");

    // No FINAL: the rows must not have been written twice, not merely collapsed later.
    assertThat(Rows.query(storage, "SELECT count(), uniqExact(log_id) FROM ${database}.logs WHERE project_id = " + project))
        .containsExactly(List.of("50", "50"));
  }

  @Test
  void theSameRecordInTwoBatchesCollapsesOnMerge() throws Exception {
    long project = 3004;
    LogRecord record = log(project, 7, YESTERDAY.plusSeconds(9));

    writer.insert(List.of(record), "logs-a");
    writer.insert(List.of(record), "logs-b");
    assertThat(Rows.query(storage, "SELECT count() FROM ${database}.logs WHERE project_id = " + project))
        .containsExactly(List.of("2"));
    Rows.execute(storage, "OPTIMIZE TABLE ${database}.logs FINAL");

    assertThat(Rows.query(storage, "SELECT count() FROM ${database}.logs WHERE project_id = " + project))
        .containsExactly(List.of("1"));
  }

  @Test
  void failsClearlyWhenClickHouseIsDown() {
    ClickHouseStorage down =
        new ClickHouseStorage("jdbc:clickhouse:http://127.0.0.1:1/default", storage.database(), "default", "");

    assertThatThrownBy(() -> new InsertLogs(down).insert(List.of(log(1, 1, YESTERDAY)), "t-down"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("insert of 1 log records failed at jdbc:clickhouse:http://127.0.0.1:1/default");
    down.close();
  }

  @Test
  void rejectsTokensThatWouldNeedQuoting() {
    assertThatThrownBy(() -> writer.insert(List.of(), "x' OR 1")).isInstanceOf(IllegalArgumentException.class);
  }

  private static LogRecord log(long project, long id, Instant ts) {
    return new LogRecord(project, id, ts, ts, "", "", 0, "INFO", 9, "svc", "hello " + id, "scope", "1", Map.of(),
        Map.of(), "");
  }
}
