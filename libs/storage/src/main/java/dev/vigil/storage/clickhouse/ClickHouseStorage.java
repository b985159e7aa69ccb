package dev.vigil.storage.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.jdbc.DataSourceImpl;
import dev.vigil.storage.EventWriter;
import dev.vigil.storage.LogWriter;
import dev.vigil.storage.MetricWriter;
import dev.vigil.storage.SpanWriter;
import dev.vigil.storage.StorageException;
import dev.vigil.storage.clickhouse.write.InsertEvents;
import dev.vigil.storage.clickhouse.write.InsertLogs;
import dev.vigil.storage.clickhouse.write.InsertMetrics;
import dev.vigil.storage.clickhouse.write.InsertSpans;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Entry point to Vigil's ClickHouse storage: owns the JDBC data source (official clickhouse-jdbc
 * driver) and the name of the database that holds Vigil's tables. Plain Java; services wire it.
 *
 * <p>Every statement qualifies tables with {@link #database()}, so the JDBC URL may point at any
 * database (usually {@code default}); the Vigil database is created by the schema migrations.
 */
public final class ClickHouseStorage implements AutoCloseable {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String url;
  private final String database;
  private final DataSource dataSource;
  private final String user;
  private final String password;
  private Client client;

  public ClickHouseStorage(String url, String database, String user, String password) {
    if (database == null || !IDENTIFIER.matcher(database).matches()) {
      // The name is substituted into DDL and queries, so only plain identifiers are accepted.
      throw new IllegalArgumentException(
          "ClickHouse database name must match " + IDENTIFIER.pattern() + ", got '" + database + "'");
    }
    this.url = withoutCompression(url);
    this.database = database;
    Properties properties = new Properties();
    properties.setProperty("user", user == null || user.isEmpty() ? "default" : user);
    properties.setProperty("password", password == null ? "" : password);
    this.dataSource = new DataSourceImpl(this.url, properties);
    this.user = user;
    this.password = password;
  }

  /** The database holding Vigil's tables. */
  public String database() {
    return database;
  }

  /** The JDBC URL in use, for messages. */
  public String url() {
    return url;
  }

  /**
   * Opens a connection; the caller closes it. The driver keeps no state the caller could leak
   * between units of work, so each batch or query uses its own connection.
   */
  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * The driver's client-v2 for the same endpoint, for RowBinary bulk inserts; created on first use and
   * shared (it pools its HTTP connections), released by {@link #close()}.
   */
  public synchronized Client client() {
    if (client == null) {
      client = BinaryClients.forJdbcUrl(url, user, password);
    }
    return client;
  }

  /** Releases the bulk-insert client's connections; JDBC connections are closed by their users. */
  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** The write side for events. */
  public EventWriter eventWriter() {
    return new InsertEvents(this);
  }

  /** The write side for spans (and the trace index the spans table feeds). */
  public SpanWriter spanWriter() {
    return new InsertSpans(this);
  }

  /** The write side for log records. */
  public LogWriter logWriter() {
    return new InsertLogs(this);
  }

  /** The write side for metric series, samples and exemplars. */
  public MetricWriter metricWriter() {
    return new InsertMetrics(this);
  }

  /** Replaces {@code ${database}} in a statement with the Vigil database name. */
  public String qualify(String sql) {
    return sql.replace("${database}", database);
  }

  /** Runs {@code SELECT 1}; throws {@link StorageException} when ClickHouse cannot answer. */
  public void ping() {
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
    } catch (SQLException | RuntimeException e) {
      throw failed("ping", e);
    }
  }

  /**
   * Server error codes that mean "this data cannot be parsed or converted into the table's types":
   * CANNOT_PARSE_TEXT, CANNOT_PARSE_INPUT_ASSERTION_FAILED, ATTEMPT_TO_READ_AFTER_EOF,
   * CANNOT_READ_ALL_DATA, CANNOT_PARSE_DATE, CANNOT_PARSE_DATETIME, TYPE_MISMATCH, CANNOT_CONVERT_TYPE,
   * CANNOT_PARSE_NUMBER, INCORRECT_DATA, TOO_LARGE_STRING_SIZE, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE,
   * CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN, CANNOT_PARSE_UUID, or that the table refuses it:
   * VIOLATED_CONSTRAINT. Also SYNTAX_ERROR: Vigil's statements are fixed and their values bound, so
   * an insert fails to parse only because of the text its values became (an event's text once made
   * the development endpoint cut an INSERT ... VALUES in two). Sending the same rows again fails the
   * same way.
   */
  private static final Set<Integer> DATA_ERRORS =
      Set.of(6, 27, 32, 33, 38, 41, 53, 62, 70, 72, 117, 131, 321, 349, 376, 469);

  /**
   * Wraps a driver failure into a {@link StorageException} that names the endpoint; marked
   * {@link StorageException#rejected() rejected} when the server refused the data itself.
   */
  public StorageException failed(String operation, Exception cause) {
    String message = "ClickHouse " + operation + " failed at " + url + " (database " + database + "): " + cause.getMessage();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ServerException server && DATA_ERRORS.contains(server.getCode())) {
        return StorageException.rejected(message, cause);
      }
    }
    return new StorageException(message, cause);
  }

  // The chDB-backed development endpoint cannot produce ClickHouse's native LZ4 framing, and a
  // real server works either way, so compression is off unless the URL says otherwise.
  private static String withoutCompression(String url) {
    if (url.contains("compress=")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "compress=false";
  }
}
