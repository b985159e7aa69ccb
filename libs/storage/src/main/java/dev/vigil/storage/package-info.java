/**
 * Vigil's signal storage. {@link dev.vigil.storage.EventWriter} is the write side the
 * event-processor uses; {@code dev.vigil.storage.clickhouse} implements it on ClickHouse, the only
 * place in Vigil that imports the ClickHouse driver.
 */
package dev.vigil.storage;
