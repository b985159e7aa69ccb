package dev.vigil.storage.clickhouse.read.services;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.time.Instant;
import java.util.List;

/**
 * Service-level views of a project's spans: RED figures per service and operation, and the service
 * dependency map. Every read is bounded by project and time range; calls block on the network.
 */
public final class ServiceReads {

  private final SelectRedFigures red;
  private final SelectServiceMap map;

  public ServiceReads(ClickHouseStorage storage) {
    this.red = new SelectRedFigures(storage);
    this.map = new SelectServiceMap(storage);
  }

  /** RED figures per service in [from, to), busiest first. */
  public List<RedFigures> services(long projectId, Instant from, Instant to) {
    return red.select(projectId, from, to, null);
  }

  /** RED figures per operation (span name) of one service in [from, to), busiest first. */
  public List<RedFigures> operations(long projectId, String service, Instant from, Instant to) {
    return red.select(projectId, from, to, service);
  }

  /** The services with spans in [from, to) and the calls between them. */
  public ServiceMap serviceMap(long projectId, Instant from, Instant to) {
    return map.select(projectId, from, to);
  }
}
