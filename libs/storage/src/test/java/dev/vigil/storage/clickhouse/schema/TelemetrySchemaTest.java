package dev.vigil.storage.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelemetrySchemaTest {

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

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "spans| TTL toDateTime(timestamp) + toIntervalDay(30)",
    "trace_index| TTL toDateTime(start) + toIntervalDay(30)",
    "logs| TTL toDateTime(timestamp) + toIntervalDay(30)",
    "metric_series| TTL date + toIntervalDay(31)",
    "metric_samples| TTL toDate(fromUnixTimestamp64Milli(timestamp_ms, 'UTC')) + toIntervalDay(30)",
    "metric_exemplars| TTL toDate(fromUnixTimestamp64Milli(timestamp_ms, 'UTC')) + toIntervalDay(30)"
  })
  void everyTelemetryTableExpiresItsRows(String table, String ttl) throws Exception {
    assertThat(showCreate(table)).contains(ttl);
  }

  @ParameterizedTest
  @CsvSource({"spans", "logs", "metric_series", "metric_samples", "metric_exemplars"})
  void everyDirectlyWrittenTableRemembersDeduplicationTokens(String table) throws Exception {
    assertThat(showCreate(table)).contains("non_replicated_deduplication_window = 10000");
  }

  private static String showCreate(String table) throws Exception {
    try (Connection c = storage.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + storage.database() + "." + table)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
