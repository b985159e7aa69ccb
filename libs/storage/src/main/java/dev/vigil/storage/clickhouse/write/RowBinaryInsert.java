package dev.vigil.storage.clickhouse.write;

import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseColumn;
import com.clickhouse.data.ClickHouseFormat;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One {@code INSERT ... FORMAT RowBinary} of a batch into one table through the driver's client-v2,
 * with the batch's {@code insert_deduplication_token} as a setting of this insert only. ClickHouse
 * skips blocks whose token it has already seen (the table keeps {@code non_replicated_deduplication_window}
 * tokens), so a replayed batch writes nothing.
 *
 * <p>Why not the JDBC PreparedStatement batch ({@link BatchInsert}): it renders every row as SQL text that
 * the server parses again, and measured 2-3 times slower for spans (see the module's RATIONALE.md).
 *
 * <p>The table's columns are read once from the server (DESCRIBE) and named in the INSERT, so a column a
 * later migration adds gets its default until the writer knows it.
 */
final class RowBinaryInsert<T> {

  private static final long TIMEOUT_SECONDS = 120;

  /** Writes one row's values with the writer's setters, by column name; {@code commitRow} is done here. */
  @FunctionalInterface
  interface RowWriter<T> {
    void write(RowBinaryFormatWriter w, T row) throws IOException;
  }

  private final ClickHouseStorage storage;
  private final String table;
  private final String what;
  private final Map<String, String> typeOverrides;
  private final RowWriter<T> rowWriter;
  private volatile TableSchema schema;

  /**
   * @param what plural noun for failure messages ("spans")
   * @param typeOverrides columns to serialise as another type of the same RowBinary width (see
   *     {@code InsertMetrics} for Float64 values written by their raw bits)
   */
  RowBinaryInsert(ClickHouseStorage storage, String table, String what, Map<String, String> typeOverrides,
      RowWriter<T> rowWriter) {
    this.storage = storage;
    this.table = table;
    this.what = what;
    this.typeOverrides = Map.copyOf(typeOverrides);
    this.rowWriter = rowWriter;
  }

  RowBinaryInsert(ClickHouseStorage storage, String table, String what, RowWriter<T> rowWriter) {
    this(storage, table, what, Map.of(), rowWriter);
  }

  /** Inserts the rows as one statement; does nothing for no rows. The token was checked by the writer. */
  void insert(Collection<? extends T> rows, String deduplicationToken) {
    DeduplicationTokens.checkDerived(deduplicationToken);
    if (rows.isEmpty()) {
      return;
    }
    try {
      TableSchema columns = schema();
      RowBuffer out = new RowBuffer(Math.max(4096, rows.size() * 256));
      RowBinaryFormatWriter w = new RowBinaryFormatWriter(out, columns, ClickHouseFormat.RowBinary);
      for (T row : rows) {
        rowWriter.write(w, row);
        w.commitRow();
      }
      InsertSettings settings =
          new InsertSettings()
              .setDatabase(storage.database())
              .serverSetting("insert_deduplicate", "1")
              .setDeduplicationToken(deduplicationToken);
      List<String> names = columns.getColumns().stream().map(c -> "`" + c.getColumnName() + "`").toList();
      try (InsertResponse ignored =
          storage.client()
              .insert(table, names, out.asInput(), ClickHouseFormat.RowBinary, settings)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        // Acknowledged: the server answered only after writing every block.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw storage.failed("insert of " + rows.size() + " " + what, e);
    } catch (ExecutionException e) {
      throw storage.failed("insert of " + rows.size() + " " + what, e.getCause() instanceof Exception x ? x : e);
    } catch (Exception e) {
      throw storage.failed("insert of " + rows.size() + " " + what, e);
    }
  }

  /** The encoded rows, read back without copying them (a batch can be megabytes). */
  private static final class RowBuffer extends ByteArrayOutputStream {
    RowBuffer(int size) {
      super(size);
    }

    ByteArrayInputStream asInput() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }

  private TableSchema schema() {
    TableSchema known = schema;
    if (known == null) {
      TableSchema described = storage.client().getTableSchema(table, storage.database());
      List<ClickHouseColumn> columns =
          described.getColumns().stream()
              .map(c -> typeOverrides.containsKey(c.getColumnName())
                  ? ClickHouseColumn.of(c.getColumnName(), typeOverrides.get(c.getColumnName()))
                  : c)
              .toList();
      known = new TableSchema(table, null, storage.database(), columns);
      schema = known;
    }
    return known;
  }
}
