package dev.vigil.storage;

import dev.vigil.domain.GroupedEvent;
import java.util.List;

/** Write side of event storage: appends grouped events in batches. */
public interface EventWriter {

  /**
   * Stores the events as one batch. Replaying a batch with the same {@code deduplicationToken}
   * (same events, same order) stores nothing new, so a consumer may retry after a crash without
   * duplicating events. Either returns normally after the storage acknowledged the whole batch or
   * throws {@link StorageException}; the caller must then retry the same batch.
   */
  void insert(List<GroupedEvent> events, String deduplicationToken);
}
