package dev.vigil.query;

import static io.restassured.RestAssured.given;

import dev.vigil.domain.Event;
import dev.vigil.domain.GroupedEvent;
import dev.vigil.domain.Level;
import dev.vigil.domain.UserInfo;
import dev.vigil.state.issues.IssueCandidate;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes test data the way the event-processor does: issues through {@link IssueUpserts} in
 * PostgreSQL, events through the storage library's writer in ClickHouse.
 */
public final class Seed {

  public static final String TOKEN = "Bearer test-admin-token";

  private final IssueUpserts upserts;
  private final ClickHouseStorage storage;

  public Seed(IssueUpserts upserts, ClickHouseStorage storage) {
    this.upserts = upserts;
    this.storage = storage;
  }

  /** Creates a project with a unique slug through the API and returns its id. */
  public static long project(String prefix) {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    return given()
        .header("Authorization", TOKEN)
        .contentType("application/json")
        .body(Map.of("slug", slug, "name", prefix, "platform", "python"))
        .post("/api/v1/projects")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Creates (or updates) an issue spanning [firstSeen, lastSeen] and returns its id. */
  public long issue(long projectId, String title, String culprit, String level, Instant firstSeen, Instant lastSeen) {
    return issue(projectId, title, title, culprit, level, firstSeen, lastSeen);
  }

  /** Records events for the issue with this grouping hash, as the processor would; returns its id. */
  public long issue(
      long projectId, String groupingHash, String title, String culprit, String level, Instant firstSeen, Instant lastSeen) {
    return issue(projectId, groupingHash, title, culprit, level, firstSeen, lastSeen, "1.0");
  }

  /** An issue first seen in {@code release} (its events so far all came from that release). */
  public long issueInRelease(long projectId, String title, String release, Instant firstSeen, Instant lastSeen) {
    return issue(projectId, title, title, "app in f", "error", firstSeen, lastSeen, release);
  }

  private long issue(
      long projectId,
      String groupingHash,
      String title,
      String culprit,
      String level,
      Instant firstSeen,
      Instant lastSeen,
      String release) {
    IssueCandidate candidate =
        new IssueCandidate(
            projectId,
            HexFormat.of().formatHex(groupingHash.getBytes()),
            title,
            culprit,
            title.contains(":") ? title.substring(0, title.indexOf(':')) : "",
            level,
            "python",
            firstSeen,
            lastSeen,
            release,
            "vigil:2026-01",
            "[{\"id\":\"exception\",\"contributes\":true,\"values\":[\"ValueError\"]}]");
    try {
      return VertxContextSupport.subscribeAndAwait(() -> upserts.record(List.of(candidate))).get(0).issueId();
    } catch (Throwable e) {
      throw new IllegalStateException("could not seed issue", e);
    }
  }

  /** A builder-ish description of one stored event. */
  public record E(
      long projectId,
      long issueId,
      UUID eventId,
      Instant timestamp,
      Level level,
      String environment,
      String release,
      String message,
      UserInfo user,
      String traceId,
      Map<String, String> tags) {

    public static E of(long projectId, long issueId, Instant timestamp) {
      return new E(projectId, issueId, UUID.randomUUID(), timestamp, Level.ERROR, "production", "1.0", "", UserInfo.NONE, null, Map.of());
    }

    public E level(Level l) {
      return new E(projectId, issueId, eventId, timestamp, l, environment, release, message, user, traceId, tags);
    }

    public E env(String env) {
      return new E(projectId, issueId, eventId, timestamp, level, env, release, message, user, traceId, tags);
    }

    public E release(String r) {
      return new E(projectId, issueId, eventId, timestamp, level, environment, r, message, user, traceId, tags);
    }

    public E message(String m) {
      return new E(projectId, issueId, eventId, timestamp, level, environment, release, m, user, traceId, tags);
    }

    public E user(String id) {
      return new E(projectId, issueId, eventId, timestamp, level, environment, release, message, new UserInfo(id, id + "@example.com", null, null), traceId, tags);
    }

    public E trace(String t) {
      return new E(projectId, issueId, eventId, timestamp, level, environment, release, message, user, t, tags);
    }

    public E tags(Map<String, String> t) {
      return new E(projectId, issueId, eventId, timestamp, level, environment, release, message, user, traceId, t);
    }
  }

  /** Inserts the events as one batch, the way one processor batch would. */
  public void events(E... events) {
    List<GroupedEvent> grouped =
        Arrays.stream(events)
            .map(
                e ->
                    new GroupedEvent(
                        e.issueId(),
                        new Event(
                            e.eventId(),
                            e.projectId(),
                            e.timestamp(),
                            Instant.now(),
                            "python",
                            e.level(),
                            "app",
                            "/users/{id}",
                            e.release(),
                            e.environment(),
                            "web-1",
                            e.message(),
                            List.of(),
                            e.tags(),
                            e.user(),
                            e.traceId(),
                            e.traceId() == null ? null : "b7ad6b7169203331",
                            List.of(),
                            "sentry.python",
                            "2.19.2",
                            payload(e)),
                        "title of " + e.issueId(),
                        "culprit of " + e.issueId()))
            .toList();
    storage.eventWriter().insert(grouped, "test-" + UUID.randomUUID());
  }

  // The payload keeps the shape of sentry-python 2.x events after normalization (snake_case keys).
  private static String payload(E e) {
    return "{\"event_id\":\"" + e.eventId().toString().replace("-", "") + "\",\"level\":\"" + e.level().wireName()
        + "\",\"platform\":\"python\",\"message\":{\"formatted\":\"" + e.message() + "\"},"
        + "\"sdk\":{\"name\":\"sentry.python\",\"version\":\"2.19.2\"}}";
  }
}
