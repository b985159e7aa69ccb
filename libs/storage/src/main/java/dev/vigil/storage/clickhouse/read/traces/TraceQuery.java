package dev.vigil.storage.clickhouse.read.traces;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trace search. A trace matches when one of its spans in [from, to) satisfies every given
 * condition (null means no condition), as Jaeger's search does.
 *
 * @param status "error", "ok" or "unset"
 * @param attributes key/value pairs each matching a span or a resource attribute; an empty value
 *     only requires the key
 * @param before the position of the previous page's last trace, or null for the first page
 */
public record TraceQuery(
    long projectId,
    Instant from,
    Instant to,
    String service,
    String operation,
    Long minDurationNanos,
    Long maxDurationNanos,
    String status,
    List<Map.Entry<String, String>> attributes,
    TracePosition before,
    int limit) {

  public TraceQuery {
    attributes = List.copyOf(attributes);
  }
}
