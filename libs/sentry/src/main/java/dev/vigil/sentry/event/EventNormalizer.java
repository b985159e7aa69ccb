package dev.vigil.sentry.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.Level;
import dev.vigil.domain.UserInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a Sentry event payload (an envelope {@code event} item or a legacy store body) into a
 * normalized {@link Event}: the indexed fields plus the cleaned payload in Sentry's event schema.
 * Wrong types inside a valid object are dropped, as Relay does; only a payload that is not a JSON
 * object is rejected. Thread-safe.
 */
public final class EventNormalizer {

  private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");

  private final ObjectMapper mapper;

  public EventNormalizer() {
    this(new ObjectMapper());
  }

  public EventNormalizer(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Normalizes an event received without a known client address. */
  public Event normalize(byte[] json, long projectId, Instant receivedAt) {
    return normalize(json, projectId, receivedAt, null);
  }

  /**
   * Normalizes an event body.
   *
   * @param clientAddress the sender's IP, substituted for {@code user.ip_address = "{{auto}}"}; may be null
   * @throws InvalidEventException when the body is not a JSON object
   */
  public Event normalize(byte[] json, long projectId, Instant receivedAt, String clientAddress) {
    if (json == null || json.length == 0) {
      throw new InvalidEventException("event payload is empty");
    }
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("event payload is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidEventException("event payload cannot be read: " + e.getMessage(), e);
    }
    return normalize(node, projectId, receivedAt, clientAddress);
  }

  /** Normalizes an already parsed event; the given node is not modified. */
  public Event normalize(JsonNode node, long projectId, Instant receivedAt, String clientAddress) {
    if (!(node instanceof ObjectNode source)) {
      String kind = node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new InvalidEventException("event payload must be a JSON object, got " + kind);
    }
    ObjectNode event = source.deepCopy();

    UUID eventId = eventId(JsonValues.text(event, "event_id"));
    event.put("event_id", eventId.toString().replace("-", ""));
    Instant timestamp = Timestamps.eventTime(event.get("timestamp"), receivedAt);
    event.put("timestamp", Timestamps.toSeconds(timestamp));
    event.put("received", Timestamps.toSeconds(receivedAt));
    Level level = Level.parse(JsonValues.text(event, "level"));
    event.put("level", level.wireName());
    String platform = platform(JsonValues.text(event, "platform"));
    event.put("platform", platform);

    String logger = stringField(event, "logger");
    String transaction = stringField(event, "transaction");
    String release = stringField(event, "release");
    String environment = stringField(event, "environment");
    String serverName = stringField(event, "server_name");
    stringField(event, "dist");
    stringField(event, "culprit");

    List<ExceptionValue> exceptions = ExceptionNormalizer.normalize(event, platform);
    MessageNormalizer.Message message = MessageNormalizer.normalize(event);
    Map<String, String> tags = AttributeNormalizer.tags(event);
    UserInfo user = AttributeNormalizer.user(event, clientAddress);
    AttributeNormalizer.Trace trace = AttributeNormalizer.trace(event);
    AttributeNormalizer.breadcrumbs(event);
    AttributeNormalizer.Sdk sdk = AttributeNormalizer.sdk(event);
    List<String> fingerprint = AttributeNormalizer.fingerprint(event);
    AttributeNormalizer.objectsOnly(event, "request", "modules", "extra", "contexts", "threads", "debug_meta");
    JsonValues.capStrings(event);

    return new Event(
        eventId,
        projectId,
        timestamp,
        receivedAt,
        platform,
        level,
        logger,
        transaction,
        release,
        environment,
        serverName,
        message == null ? null : message.formatted(),
        exceptions,
        tags,
        user,
        trace.traceId(),
        trace.spanId(),
        fingerprint,
        sdk.name(),
        sdk.version(),
        serialize(event));
  }

  private static UUID eventId(String raw) {
    if (raw != null) {
      String hex = raw.replace("-", "").toLowerCase(Locale.ROOT);
      if (HEX_ID.matcher(hex).matches()) {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
      }
    }
    return UUID.randomUUID();
  }

  private static String platform(String raw) {
    // Platform names are lower-case identifiers in Sentry; anything else is "other".
    if (raw == null) {
      return "other";
    }
    String p = raw.toLowerCase(Locale.ROOT);
    return p.matches("[a-z0-9_.-]{1,64}") ? p : "other";
  }

  /** Reads a string field, rewrites it cleaned (numbers stringified) or removes it when unusable. */
  private static String stringField(ObjectNode event, String field) {
    String value = JsonValues.text(event, field);
    JsonValues.putOrRemove(event, field, value == null ? null : JsonValues.cap(value, 1024));
    return value == null ? null : JsonValues.cap(value, 1024);
  }

  private String serialize(ObjectNode event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      // A tree built from parsed JSON always serializes; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot serialize normalized event", e);
    }
  }
}
