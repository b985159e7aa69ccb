package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;

/** Waiting for events to become queryable, and reading issues and events the way the tests need. */
final class Issues {

  /** Events cross Kafka, the processor's batching and two stores; on a loaded 2-core machine that takes seconds. */
  static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);

  private Issues() {}

  /**
   * Waits until the project's issues hold {@code expectedEvents} events in total, then waits a little longer
   * so that an extra, wrongly grouped or duplicated event would show up too, and returns the issues.
   */
  static List<JsonNode> awaitEvents(VigilApi api, long projectId, long expectedEvents) {
    Awaitility.await("issues of project " + projectId + " holding " + expectedEvents + " events")
        .atMost(ARRIVAL_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
        .until(() -> api.issues(projectId), issues -> totalCount(issues) >= expectedEvents);
    sleep(Duration.ofSeconds(2));
    return api.issues(projectId);
  }

  static long totalCount(List<JsonNode> issues) {
    return issues.stream().mapToLong(issue -> issue.path("count").asLong()).sum();
  }

  /** The one issue whose title starts with {@code prefix}; fails listing every title otherwise. */
  static JsonNode withTitle(List<JsonNode> issues, String prefix) {
    List<JsonNode> matching =
        issues.stream().filter(issue -> issue.path("title").asText().startsWith(prefix)).toList();
    assertThat(matching)
        .as("issues titled '%s…' among %s", prefix, issues.stream().map(i -> i.path("title").asText()).toList())
        .hasSize(1);
    return matching.get(0);
  }

  /** The exception that was finally raised: the last of Sentry's {@code exception.values}. */
  static JsonNode mainException(JsonNode latestEvent) {
    JsonNode values = payload(latestEvent).path("exception").path("values");
    assertThat(values.size()).as("exception values of %s", latestEvent).isPositive();
    return values.get(values.size() - 1);
  }

  static List<JsonNode> exceptionTypes(JsonNode latestEvent) {
    List<JsonNode> types = new ArrayList<>();
    payload(latestEvent).path("exception").path("values").forEach(value -> types.add(value.path("type")));
    return types;
  }

  static List<JsonNode> frames(JsonNode exception) {
    return StreamSupport.stream(exception.path("stacktrace").path("frames").spliterator(), false).toList();
  }

  static List<String> inAppFunctions(JsonNode exception) {
    return frames(exception).stream()
        .filter(frame -> frame.path("in_app").asBoolean(false))
        .map(frame -> frame.path("function").asText())
        .toList();
  }

  /** The full normalized event (Sentry schema) inside query-service's event answer. */
  static JsonNode payload(JsonNode latestEvent) {
    JsonNode event = latestEvent.path("event");
    return event.isObject() ? event : latestEvent;
  }

  /** The trace id of an event, as query-service's summary field and inside the payload's trace context. */
  static void assertTraceId(JsonNode latestEvent, String expectedTraceId) {
    assertThat(expectedTraceId).matches("[0-9a-f]{32}");
    assertThat(latestEvent.path("traceId").asText()).as("traceId of %s", latestEvent).isEqualTo(expectedTraceId);
    assertThat(payload(latestEvent).path("contexts").path("trace").path("trace_id").asText())
        .isEqualTo(expectedTraceId);
  }

  /** Like {@link #assertTraceId} for an SDK that raised each event of an issue in a trace of its own. */
  static void assertTraceIdIn(JsonNode latestEvent, List<String> expectedTraceIds) {
    assertThat(expectedTraceIds).isNotEmpty().allMatch(id -> id.matches("[0-9a-f]{32}"));
    String traceId = latestEvent.path("traceId").asText();
    assertThat(traceId).as("traceId of %s", latestEvent).isIn(expectedTraceIds);
    assertThat(payload(latestEvent).path("contexts").path("trace").path("trace_id").asText()).isEqualTo(traceId);
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
