package dev.vigil.query.sentryapi.issues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.storage.clickhouse.read.EventReads;
import dev.vigil.storage.clickhouse.read.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stored events in the shape of Sentry's event endpoints: ids, {@code groupID}, dates, tags as
 * {@code [{key, value}]}, {@code entries} (see {@link SentryEntries}), contexts, user and sdk.
 */
@ApplicationScoped
class SentryEvents {

  private static final Logger LOG = Logger.getLogger(SentryEvents.class);

  @Inject EventReads reads;
  @Inject ObjectMapper json;

  /** Reads the event off the event loop and shapes it, with its neighbours in the issue; empty when absent. */
  Uni<Optional<ObjectNode>> read(Supplier<Optional<StoredEvent>> read) {
    return OffEventLoop.call(
        () ->
            read.get()
                .map(e -> shape(e, reads.previousEventId(e).orElse(null), reads.nextEventId(e).orElse(null))));
  }

  ObjectNode shape(StoredEvent e, String previousEventId, String nextEventId) {
    JsonNode payload = payload(e);
    JsonNode raised = SentryEntries.raisedException(payload);
    ObjectNode out = json.createObjectNode();
    out.put("id", e.eventId());
    out.put("eventID", e.eventId());
    out.put("groupID", String.valueOf(e.issueId()));
    out.put("projectID", String.valueOf(e.projectId()));
    out.put("title", e.title());
    out.put("message", e.message() == null ? "" : e.message());
    out.put("culprit", e.culprit());
    out.putNull("location");
    out.put("type", raised == null ? "default" : "error");
    out.put("platform", e.platform());
    out.put("dateCreated", e.timestamp().toString());
    JsonNode received = payload.get("received");
    out.put("dateReceived", received != null && received.isNumber() ? SentryEntries.isoSeconds(received) : e.timestamp().toString());
    out.set("tags", tags(e));
    out.set("entries", SentryEntries.of(payload));
    out.set("contexts", payload.has("contexts") ? payload.get("contexts") : json.createObjectNode());
    out.set("context", payload.has("extra") ? payload.get("extra") : json.createObjectNode());
    out.set("user", payload.get("user"));
    out.set("sdk", payload.get("sdk"));
    if (e.release() == null || e.release().isEmpty()) {
      out.putNull("release");
    } else {
      out.putObject("release").put("version", e.release()).put("shortVersion", e.release());
    }
    out.set("dist", payload.get("dist"));
    ObjectNode metadata = out.putObject("metadata");
    if (raised != null) {
      metadata.set("type", raised.get("type"));
      metadata.set("value", raised.get("value"));
    } else {
      metadata.put("title", e.title());
    }
    out.set("fingerprints", payload.has("fingerprint") ? payload.get("fingerprint") : json.createArrayNode());
    out.set("packages", payload.has("modules") ? payload.get("modules") : json.createObjectNode());
    out.set("errors", json.createArrayNode());
    out.put("size", e.payload() == null ? 0 : e.payload().length());
    out.putNull("crashFile");
    out.put("previousEventID", previousEventId);
    out.put("nextEventID", nextEventId);
    out.set("_meta", json.createObjectNode());
    return out;
  }

  /**
   * The SDK's tags and the event fields Sentry promotes to tags (level, environment, release,
   * server_name, transaction), sorted by key as Sentry lists them.
   */
  private ArrayNode tags(StoredEvent e) {
    Map<String, String> tags = new TreeMap<>(e.tags());
    promote(tags, "level", e.level());
    promote(tags, "environment", e.environment());
    promote(tags, "release", e.release());
    promote(tags, "server_name", e.serverName());
    promote(tags, "transaction", e.transaction());
    ArrayNode out = json.createArrayNode();
    tags.forEach((k, v) -> out.addObject().put("key", k).put("value", v));
    return out;
  }

  private static void promote(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isEmpty()) {
      tags.putIfAbsent(key, value);
    }
  }

  private JsonNode payload(StoredEvent e) {
    if (e.payload() != null) {
      try {
        return json.readTree(e.payload());
      } catch (JsonProcessingException ex) {
        // The processor writes valid JSON; a broken row should not hide the indexed fields.
        LOG.warnf("event %s has an unreadable payload: %s", e.eventId(), ex.getOriginalMessage());
      }
    }
    return json.createObjectNode();
  }
}
