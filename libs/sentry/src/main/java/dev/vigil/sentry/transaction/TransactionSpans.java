package dev.vigil.sentry.transaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.domain.telemetry.SpanKind;
import dev.vigil.domain.telemetry.SpanSource;
import dev.vigil.domain.telemetry.StatusCode;
import dev.vigil.sentry.event.Timestamps;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a Sentry {@code transaction} payload into spans with source SENTRY: the transaction itself
 * (from {@code contexts.trace}) is the root of its segment, named after the transaction; each entry of
 * {@code spans[]} is a child named by its description. Lenient like Relay about the children (one
 * without ids or end time is dropped), strict about the transaction's own trace context and times,
 * without which there is nothing to store. Thread-safe.
 */
public final class TransactionSpans {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

  private final ObjectMapper mapper;

  public TransactionSpans() {
    this(new ObjectMapper());
  }

  public TransactionSpans(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The spans of a transaction item's payload.
   *
   * @param serviceName the service the transaction ran in (for Sentry: the project's slug)
   * @throws InvalidTransactionException when the payload is not a transaction Vigil can store
   */
  public List<Span> toSpans(byte[] json, long projectId, String serviceName) {
    JsonNode node;
    try {
      node = json == null || json.length == 0 ? null : mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidTransactionException("transaction is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidTransactionException("transaction cannot be read: " + e.getMessage(), e);
    }
    return toSpans(node, projectId, serviceName);
  }

  /** The spans of an already parsed transaction; the node is not modified. */
  public List<Span> toSpans(JsonNode transaction, long projectId, String serviceName) {
    if (transaction == null || !transaction.isObject()) {
      throw new InvalidTransactionException("transaction must be a JSON object");
    }
    JsonNode trace = transaction.path("contexts").path("trace");
    String traceId = id(trace.get("trace_id"), TRACE_ID);
    String rootId = id(trace.get("span_id"), SPAN_ID);
    if (traceId == null || rootId == null) {
      throw new InvalidTransactionException("transaction without a valid contexts.trace trace_id and span_id");
    }
    Instant start = Timestamps.parse(transaction.get("start_timestamp"));
    Instant end = Timestamps.parse(transaction.get("timestamp"));
    if (start == null || end == null) {
      throw new InvalidTransactionException("transaction without a valid start_timestamp and timestamp");
    }

    Segment segment = new Segment(projectId, traceId, serviceName, resource(transaction, serviceName),
        Attributes.text(transaction.path("sdk").get("name")), Attributes.text(transaction.path("sdk").get("version")));
    List<Span> spans = new ArrayList<>();
    String op = Attributes.text(trace.get("op"));
    String name = firstNonNull(Attributes.text(transaction.get("transaction")), op, "<unlabeled transaction>");
    spans.add(segment.span(rootId, id(trace.get("parent_span_id"), SPAN_ID), start, end, name,
        SpanOps.kind(op), Attributes.text(trace.get("status")), rootAttributes(transaction, trace)));

    Set<String> seen = new HashSet<>(Set.of(rootId));
    for (JsonNode child : transaction.path("spans")) {
      String spanId = id(child.get("span_id"), SPAN_ID);
      Instant childStart = Timestamps.parse(child.get("start_timestamp"));
      Instant childEnd = Timestamps.parse(child.get("timestamp"));
      // An unfinished span (no end) or one without an id cannot be placed in the tree; Sentry drops those too.
      if (spanId == null || childStart == null || childEnd == null || !seen.add(spanId)) {
        continue;
      }
      String childOp = Attributes.text(child.get("op"));
      String description = Attributes.text(child.get("description"));
      Map<String, String> attributes = new HashMap<>();
      Attributes.put(attributes, "sentry.op", childOp);
      Attributes.put(attributes, "sentry.description", description);
      Attributes.put(attributes, "sentry.status", child.get("status"));
      Attributes.put(attributes, "sentry.origin", child.get("origin"));
      Attributes.putAll(attributes, "", child.get("data"));
      Attributes.putAll(attributes, "", child.get("tags"));
      String parent = id(child.get("parent_span_id"), SPAN_ID);
      spans.add(segment.span(spanId, parent == null ? rootId : parent, childStart, childEnd,
          firstNonNull(description, childOp, "<unnamed span>"), SpanOps.kind(childOp),
          Attributes.text(child.get("status")), attributes));
    }
    return spans;
  }

  /** The transaction's own attributes: Sentry's fields under {@code sentry.*}, then data and tags as sent. */
  private static Map<String, String> rootAttributes(JsonNode transaction, JsonNode trace) {
    Map<String, String> attributes = new HashMap<>();
    Attributes.put(attributes, "sentry.op", trace.get("op"));
    Attributes.put(attributes, "sentry.description", trace.get("description"));
    Attributes.put(attributes, "sentry.status", trace.get("status"));
    Attributes.put(attributes, "sentry.origin", trace.get("origin"));
    Attributes.put(attributes, "sentry.transaction_source", transaction.path("transaction_info").get("source"));
    Attributes.put(attributes, "sentry.environment", transaction.get("environment"));
    Attributes.put(attributes, "sentry.release", transaction.get("release"));
    Attributes.put(attributes, "sentry.platform", transaction.get("platform"));
    Attributes.put(attributes, "sentry.event_id", transaction.get("event_id"));
    Attributes.put(attributes, "sentry.sdk.name", transaction.path("sdk").get("name"));
    Attributes.put(attributes, "sentry.sdk.version", transaction.path("sdk").get("version"));
    transaction.path("measurements").fields().forEachRemaining(
        m -> Attributes.put(attributes, "sentry.measurement." + m.getKey(), m.getValue().get("value")));
    Attributes.putAll(attributes, "", trace.get("data"));
    Attributes.putAll(attributes, "", transaction.get("tags"));
    return attributes;
  }

  private static Map<String, String> resource(JsonNode transaction, String serviceName) {
    Map<String, String> resource = new HashMap<>();
    Attributes.put(resource, "service.name", serviceName);
    Attributes.put(resource, "service.version", transaction.get("release"));
    Attributes.put(resource, "deployment.environment", transaction.get("environment"));
    Attributes.put(resource, "host.name", transaction.get("server_name"));
    return resource;
  }

  private static String id(JsonNode node, Pattern shape) {
    String text = Attributes.text(node);
    if (text == null) {
      return null;
    }
    String id = text.replace("-", "").toLowerCase(Locale.ROOT);
    return shape.matcher(id).matches() ? id : null;
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    throw new IllegalArgumentException("no fallback");
  }

  /** What every span of one transaction shares. */
  private record Segment(long projectId, String traceId, String serviceName, Map<String, String> resource,
      String sdkName, String sdkVersion) {

    Span span(String spanId, String parentId, Instant start, Instant end, String name, SpanKind kind,
        String status, Map<String, String> attributes) {
      long duration = Math.max(0, Duration.between(start, end).toNanos());
      StatusCode code = SpanOps.status(status);
      return new Span(projectId, traceId, spanId, parentId == null ? "" : parentId, "", start, duration,
          serviceName, name, kind, code, code == StatusCode.ERROR ? status : "",
          sdkName == null ? "" : sdkName, sdkVersion == null ? "" : sdkVersion,
          resource, attributes, List.of(), List.of(), SpanSource.SENTRY);
    }
  }
}
