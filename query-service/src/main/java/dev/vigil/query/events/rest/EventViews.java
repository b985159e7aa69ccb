package dev.vigil.query.events.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.storage.clickhouse.read.EventPosition;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Turns stored events into their API form, and encodes the keyset cursor of event pages. */
@ApplicationScoped
class EventViews {

  private static final Logger LOG = Logger.getLogger(EventViews.class);

  @Inject EventReads reads;
  @Inject ObjectMapper json;

  EventJson summary(StoredEvent e) {
    UserJson user =
        e.userId().isEmpty() && e.userEmail().isEmpty() && e.userUsername().isEmpty() && e.userIp().isEmpty()
            ? null
            : new UserJson(empty(e.userId()), empty(e.userEmail()), empty(e.userUsername()), empty(e.userIp()));
    List<TagJson> tags =
        e.tags().entrySet().stream()
            .map(t -> new TagJson(t.getKey(), t.getValue()))
            .sorted(Comparator.comparing(TagJson::key))
            .toList();
    return new EventJson(
        e.eventId(),
        e.issueId(),
        e.projectId(),
        e.timestamp(),
        e.level(),
        e.platform(),
        e.title(),
        e.culprit(),
        e.message(),
        empty(e.release()),
        empty(e.environment()),
        empty(e.serverName()),
        empty(e.transaction()),
        empty(e.traceId()),
        empty(e.spanId()),
        user,
        tags,
        e.sdkName(),
        e.sdkVersion());
  }

  /** The full event with its neighbours in the issue, read off the event loop; 404 when absent. */
  Uni<EventDetailJson> detail(Supplier<Optional<StoredEvent>> read, String notFound) {
    return OffEventLoop.call(
        () -> {
          StoredEvent e = read.get().orElseThrow(() -> ApiException.notFound(notFound));
          return new EventDetailJson(
              summary(e),
              payload(e),
              reads.previousEventId(e).orElse(null),
              reads.nextEventId(e).orElse(null));
        });
  }

  String cursor(EventPosition p) {
    String raw = p.timestampNanos() + ":" + p.eventId();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  EventPosition position(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split(":");
      if (parts.length == 2 && parts[1].matches("[0-9a-f]{32}")) {
        return new EventPosition(Long.parseLong(parts[0]), parts[1]);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.badRequest("invalid cursor");
  }

  private JsonNode payload(StoredEvent e) {
    if (e.payload() == null) {
      return NullNode.getInstance();
    }
    try {
      return json.readTree(e.payload());
    } catch (JsonProcessingException ex) {
      // The processor writes valid JSON; a broken row should not hide the rest of the event.
      LOG.warnf("event %s has an unreadable payload: %s", e.eventId(), ex.getOriginalMessage());
      return NullNode.getInstance();
    }
  }

  private static String empty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
