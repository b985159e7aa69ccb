package dev.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for OTLP telemetry to become queryable through query-service, and reading its answers. */
final class Telemetry {

  /** Like {@link Issues#ARRIVAL_TIMEOUT}: Kafka, the processor's batching and ClickHouse on a loaded machine. */
  static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(90);

  private Telemetry() {}

  /**
   * Polls GET {@code pathAndQuery} until {@code ready} holds; 404 and failed answers count as "not yet", and the
   * last failure is reported when the time is up.
   */
  static JsonNode await(VigilApi api, String pathAndQuery, Predicate<JsonNode> ready) {
    AtomicReference<String> lastProblem = new AtomicReference<>("404 (not stored yet)");
    try {
      return Awaitility.await("GET /api/v1" + pathAndQuery)
          .atMost(ARRIVAL_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                try {
                  JsonNode body = api.getOrNull(pathAndQuery);
                  lastProblem.set(body == null ? "404 (not stored yet)" : "last answer: " + body);
                  return body;
                } catch (RuntimeException | AssertionError e) {
                  lastProblem.set(e.getMessage());
                  return null;
                }
              },
              body -> body != null && ready.test(body));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "GET /api/v1" + pathAndQuery + " not as expected within " + ARRIVAL_TIMEOUT.toSeconds() + " s; " + lastProblem.get(), e);
    }
  }

  /** The trace once it holds at least {@code spans} spans (and, when {@code errors} > 0, that many errors). */
  static JsonNode awaitTrace(VigilApi api, long projectId, String traceId, int spans, int errors) {
    return await(
        api,
        "/projects/" + projectId + "/traces/" + traceId,
        trace -> spans(trace).size() >= spans && errors(trace).size() >= errors);
  }

  /** The spans of a trace answer (query-service lists them depth-first, each with its parentSpanId). */
  static List<JsonNode> spans(JsonNode trace) {
    return VigilApi.elements(trace.path("spans"));
  }

  /** The Sentry error events attached to a trace answer. */
  static List<JsonNode> errors(JsonNode trace) {
    return VigilApi.elements(trace.path("errors"));
  }

  static JsonNode spanNamed(JsonNode trace, String name) {
    return spans(trace).stream()
        .filter(span -> name.equals(spanName(span)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span named " + name + " in " + trace));
  }

  /** A text field, empty when it is null or absent (the API writes absent parent and span ids as null). */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }

  static String spanName(JsonNode span) {
    return span.has("name") ? span.path("name").asText() : span.path("spanName").asText();
  }

  /** The service of a span or log line. */
  static String serviceName(JsonNode node) {
    return node.path("service").asText();
  }

  static Set<String> serviceNames(JsonNode trace) {
    Set<String> names = new TreeSet<>();
    spans(trace).forEach(span -> names.add(serviceName(span)));
    return names;
  }

  /** Log search by trace id, once it finds at least {@code count} records. */
  static List<JsonNode> awaitLogsOfTrace(VigilApi api, long projectId, String traceId, int count) {
    JsonNode body =
        await(api, "/projects/" + projectId + "/logs?traceId=" + traceId + "&" + lastHour(), b -> items(b, "logs").size() >= count);
    return items(body, "logs");
  }

  /** The service names of the project's services list, once it holds every one of {@code expected}. */
  static Set<String> awaitServices(VigilApi api, long projectId, Collection<String> expected) {
    JsonNode body =
        await(api, "/projects/" + projectId + "/services?" + lastHour(), b -> names(items(b, "services")).containsAll(expected));
    return names(items(body, "services"));
  }

  /** The project's metric names, once they hold every one of {@code expected}. */
  static Set<String> awaitMetricNames(VigilApi api, long projectId, Collection<String> expected) {
    JsonNode body =
        await(api, "/projects/" + projectId + "/metrics/names?" + lastHour(), b -> names(items(b, "metrics")).containsAll(expected));
    return names(items(body, "metrics"));
  }

  /** The list an answer holds in {@code field} ({@code logs}, {@code services}, {@code metrics}). */
  static List<JsonNode> items(JsonNode body, String field) {
    return VigilApi.elements(body.path(field));
  }

  /** The {@code name} of every item (services' RED figures, metric names). */
  static Set<String> names(List<JsonNode> items) {
    Set<String> names = new TreeSet<>();
    items.forEach(item -> names.add(item.path("name").asText()));
    return names;
  }

  /** A time range around now, for endpoints that default to a shorter one or require it. */
  static String lastHour() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return "from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofMinutes(10));
  }
}
