package dev.vigil.storage.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.GroupedEvent;
import dev.vigil.domain.Level;
import dev.vigil.domain.UserInfo;
import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import dev.vigil.storage.clickhouse.Timestamps;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsertEventsTest {

  private static final Instant YESTERDAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);

  private static ClickHouseStorage storage;

  @BeforeAll
  static void migrate() {
    storage = TestDatabases.fresh();
    new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
  }

  @AfterAll
  static void drop() throws Exception {
    TestDatabases.drop(storage);
  }

  @Test
  void storesEveryColumnAndReadsItBack() throws Exception {
    long project = 1001;
    UUID id = UUID.randomUUID();
    // Recent: the table's 90-day TTL drops older rows as they are written.
    Instant ts = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plusNanos(123_456_789);
    String payload = "{\"message\":\"it's a \\\"quoted\\\" back\\\\slash\\nnew line — ünïcødé\"}";
    Event event =
        new Event(
            id, project, ts, ts.plusMillis(1_126).truncatedTo(ChronoUnit.MILLIS), "python", Level.WARNING, "app.log",
            "GET /users/{id}", "shop@1.2.3", "production", "web-1", "it's a 'quoted' message\nline 2",
            List.of(
                new ExceptionValue("KeyError", "'user'", "builtins", "generic", false, List.of()),
                new ExceptionValue("ValueError", "bad \\ value", "app", "generic", false, List.of())),
            Map.of("browser", "Firefox 120", "level", "sdk-value"),
            new UserInfo("42", "a@example.com", "alice", "10.0.0.1"),
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", List.of(), "sentry.python", "2.19.0",
            payload);

    new InsertEvents(storage).insert(List.of(new GroupedEvent(77, event, "ValueError: bad", "app.views in get")), "t-read-back");

    List<String> row =
        rows("SELECT issue_id, toString(event_id), toString(timestamp), toString(received_at), level, platform,"
                + " environment, release, server_name, logger, transaction, title, culprit, message,"
                + " toString(exception_types), toString(exception_values), user_key, user_email, trace_id, span_id,"
                + " tags['browser'], tags['level'], tags['release'], sdk_name, sdk_version, payload"
                + " FROM ${database}.events WHERE project_id = " + project).get(0);
    assertThat(row)
        .containsExactly(
            "77", id.toString(), Timestamps.nanos(ts), Timestamps.millis(ts.plusMillis(1_126)), "warning", "python",
            "production", "shop@1.2.3", "web-1", "app.log", "GET /users/{id}", "ValueError: bad",
            "app.views in get", "it's a 'quoted' message\nline 2", "['KeyError','ValueError']",
            "['\\'user\\'','bad \\\\ value']", "id:42", "a@example.com", "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7", "Firefox 120", "warning", "shop@1.2.3", "sentry.python", "2.19.0", payload);
  }

  @Test
  void storesAbsentFieldsAsEmptyStrings() throws Exception {
    long project = 1002;
    Event event =
        new Event(UUID.randomUUID(), project, Instant.now(), Instant.now(), null, Level.ERROR, null, null, null, null,
            null, null, List.of(), null, null, null, null, null, null, null, "{}");

    new InsertEvents(storage).insert(List.of(new GroupedEvent(1, event, "<unlabeled event>", null)), "t-absent");

    assertThat(rows("SELECT platform, release, culprit, user_key, length(exception_types), mapKeys(tags)"
            + " FROM ${database}.events WHERE project_id = " + project))
        .containsExactly(List.of("", "", "", "", "0", "['level']"));
  }

  @Test
  void aBatchReplayedWithTheSameTokenIsStoredOnce() throws Exception {
    long project = 1003;
    List<GroupedEvent> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // Two days, so the insert is split into two partitions (two blocks) and both must be deduplicated.
      batch.add(event(project, YESTERDAY.minus(i % 2, ChronoUnit.DAYS).plusSeconds(i)));
    }
    InsertEvents writer = new InsertEvents(storage);

    writer.insert(batch, "vigil.ingest.events-0:10-59");
    writer.insert(batch, "vigil.ingest.events-0:10-59");

    // No FINAL: the rows must not have been written twice, not merely collapsed later.
    assertThat(rows("SELECT count(), uniqExact(event_id) FROM ${database}.events WHERE project_id = " + project))
        .containsExactly(List.of("50", "50"));
  }

  @Test
  void aDifferentTokenIsADifferentBatch() throws Exception {
    long project = 1004;
    List<GroupedEvent> batch = List.of(event(project, YESTERDAY));
    InsertEvents writer = new InsertEvents(storage);

    writer.insert(batch, "token-a");
    writer.insert(batch, "token-b");

    assertThat(rows("SELECT count() FROM ${database}.events WHERE project_id = " + project))
        .containsExactly(List.of("2"));
    assertThat(rows("SELECT count() FROM ${database}.events FINAL WHERE project_id = " + project))
        .containsExactly(List.of("1"));
  }

  @Test
  void dropsEventsOlderThanTheRetention() throws Exception {
    long project = 1006;

    new InsertEvents(storage).insert(List.of(event(project, YESTERDAY.minus(91, ChronoUnit.DAYS))), "t-expired");
    // ClickHouse may or may not drop an expired part at insert time; a merge always applies the TTL.
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute(storage.qualify("OPTIMIZE TABLE ${database}.events FINAL"));
    }

    assertThat(rows("SELECT count() FROM ${database}.events WHERE project_id = " + project))
        .containsExactly(List.of("0"));
  }

  @Test
  void failsClearlyWhenClickHouseIsDown() {
    ClickHouseStorage down =
        new ClickHouseStorage("jdbc:clickhouse:http://127.0.0.1:1/default", storage.database(), "default", "");

    assertThatThrownBy(() -> new InsertEvents(down).insert(List.of(event(1005, Instant.now())), "t-down"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("insert of 1 events failed at jdbc:clickhouse:http://127.0.0.1:1/default");
  }

  @Test
  void eventsTheTableRefusesAreARejectionNotAnOutage() throws Exception {
    execute("ALTER TABLE ${database}.events ADD CONSTRAINT no_refused_environment CHECK environment != 'refused'");
    try {
      assertThatThrownBy(() -> new InsertEvents(storage).insert(
              List.of(event(1007, YESTERDAY), event(1007, YESTERDAY, "refused")), "t-refused"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("VIOLATED_CONSTRAINT")
          .satisfies(e -> assertThat(((StorageException) e).rejected()).as("refused by the table").isTrue());
      assertThat(rows("SELECT count() FROM ${database}.events WHERE project_id = 1007")).containsExactly(List.of("0"));
    } finally {
      execute("ALTER TABLE ${database}.events DROP CONSTRAINT no_refused_environment");
    }
  }

  @Test
  void anInsertWhoseValuesDoNotParseIsARejection() {
    // What the development endpoint once sent for an event whose text held the word "format": the
    // statement cut inside a value.
    Exception cut = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> execute("INSERT INTO ${database}.events (`project_id`, `title`) VALUES (1, 'Unknown format code"));

    assertThat(storage.failed("insert of 1 events", cut).rejected()).as("%s", cut.getMessage()).isTrue();
  }

  @Test
  void rejectsTokensThatWouldNeedQuoting() {
    assertThatThrownBy(() -> new InsertEvents(storage).insert(List.of(), "x' OR 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static GroupedEvent event(long project, Instant ts) {
    return event(project, ts, "prod");
  }

  private static GroupedEvent event(long project, Instant ts, String environment) {
    Event e =
        new Event(UUID.randomUUID(), project, ts, ts, "java", Level.ERROR, null, null, "1.0", environment, null, null,
            List.of(new ExceptionValue("IllegalStateException", "boom", null, null, false, List.of())),
            Map.of(), null, null, null, null, "sentry.java", "8.20.0", "{}");
    return new GroupedEvent(9, e, "IllegalStateException: boom", "App.main");
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = storage.connection();
        Statement s = c.createStatement()) {
      s.execute(storage.qualify(sql));
    }
  }

  private static List<List<String>> rows(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = storage.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(storage.qualify(sql))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cols.add(rs.getString(i));
        }
        rows.add(cols);
      }
    }
    return rows;
  }
}
