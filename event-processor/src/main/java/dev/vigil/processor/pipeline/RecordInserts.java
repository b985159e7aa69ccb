package dev.vigil.processor.pipeline;

import dev.vigil.storage.StorageException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Inserts the rows of a batch of records into one table, so that neither an outage nor one bad
 * record stops a partition: the batch goes in as one insert, retried with backoff while storage is
 * unavailable; when storage rejects the data itself, every record is inserted on its own, and only the
 * records whose rows are refused are returned, for the caller to dead-letter.
 */
@Singleton
public final class RecordInserts {

  /** Keeps the dead-letter header (and the log line) readable when a driver quotes a whole statement. */
  static final int MAX_REASON_LENGTH = 2_000;

  private static final Logger LOG = Logger.getLogger(RecordInserts.class);

  /** One insert of rows deduplicated by the token (a storage writer's insert). */
  @FunctionalInterface
  public interface Insert<T> {
    void insert(T rows, String deduplicationToken);
  }

  /** The records whose rows are stored, and those whose rows storage refused (with the reason). */
  public record Result<T>(List<RecordRows<T>> stored, List<DeadLetters.DeadLetter> refused) {}

  private final Retrying retrying;

  RecordInserts(Retrying retrying) {
    this.retrying = retrying;
  }

  /**
   * Stores every record's rows; returns when each record's rows are either stored or refused.
   *
   * @param polled every record of the batch: the batch's deduplication token covers their offsets
   * @param merge the rows of several records as one insert
   * @param tokenSuffix appended to the deduplication tokens, so that the inserts of one batch into
   *     different tables do not deduplicate each other ("" or e.g. ":spans")
   * @param describe names rows in log lines, e.g. {@code s -> s.size() + " spans"}
   */
  public <T> Result<T> insert(List<IngestRecord> polled, List<RecordRows<T>> rows, Function<List<T>, T> merge,
      Insert<T> insert, String tokenSuffix, Function<T, String> describe) {
    if (rows.isEmpty()) {
      return new Result<>(rows, List.of());
    }
    T all = merge.apply(rows.stream().map(RecordRows::rows).toList());
    String token = DeduplicationToken.of(polled) + tokenSuffix;
    try {
      retrying.untilStoredOrRejected("inserting " + describe.apply(all) + " into ClickHouse", () -> {
        insert.insert(all, token);
        return null;
      });
      return new Result<>(rows, List.of());
    } catch (StorageException batchRejected) {
      LOG.warnf("ClickHouse rejected a batch of %s, inserting its %d records one by one: %s",
          describe.apply(all), rows.size(), reason(batchRejected));
    }
    List<RecordRows<T>> stored = new ArrayList<>();
    List<DeadLetters.DeadLetter> refused = new ArrayList<>();
    for (RecordRows<T> one : rows) {
      // The record's own token: a replay of this batch, or of a batch cut differently, is deduplicated record by record.
      String recordToken = DeduplicationToken.of(List.of(one.record())) + tokenSuffix;
      try {
        retrying.untilStoredOrRejected("inserting " + describe.apply(one.rows()) + " of " + one.record().origin(), () -> {
          insert.insert(one.rows(), recordToken);
          return null;
        });
        stored.add(one);
      } catch (StorageException e) {
        refused.add(new DeadLetters.DeadLetter(one.record(), "rejected by ClickHouse: " + reason(e)));
      }
    }
    return new Result<>(stored, refused);
  }

  /** Merges per-record lists of rows into one list, the merge of most tables. */
  public static <R> List<R> concat(List<List<R>> lists) {
    return lists.stream().flatMap(List::stream).toList();
  }

  private static String reason(StorageException e) {
    String message = String.valueOf(e.getMessage());
    return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
