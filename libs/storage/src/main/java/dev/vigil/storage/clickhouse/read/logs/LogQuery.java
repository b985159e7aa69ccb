package dev.vigil.storage.clickhouse.read.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A log search over [from, to); null or empty means no condition.
 *
 * @param minSeverity lowest OpenTelemetry severity number (1-24) to include
 * @param tokens words that must all occur in the body, case-insensitively
 * @param attributes key/value pairs each matching a log or a resource attribute; an empty value only
 *     requires the key
 */
public record LogQuery(
    long projectId,
    Instant from,
    Instant to,
    String service,
    Integer minSeverity,
    List<String> tokens,
    List<Map.Entry<String, String>> attributes,
    String traceId) {

  public LogQuery {
    tokens = List.copyOf(tokens);
    attributes = List.copyOf(attributes);
  }
}
