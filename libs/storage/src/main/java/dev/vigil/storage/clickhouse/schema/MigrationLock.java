package dev.vigil.storage.clickhouse.schema;

/**
 * A lock shared by every process that may migrate the same ClickHouse database, so that several
 * processors starting at once apply each migration once. ClickHouse has no suitable lock, so the
 * caller brings one (the event-processor uses a PostgreSQL advisory lock).
 */
@FunctionalInterface
public interface MigrationLock {

  /** For a single process (tests, tools): no cross-process exclusion. */
  MigrationLock LOCAL = () -> () -> {};

  /** Blocks until the lock is held; closing the result releases it. */
  AutoCloseable acquire() throws Exception;
}
