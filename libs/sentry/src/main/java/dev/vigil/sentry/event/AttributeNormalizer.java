package dev.vigil.sentry.event;

import static dev.vigil.sentry.event.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.UserInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Normalizes the descriptive parts of an event: tags, user, contexts, breadcrumbs, sdk, fingerprint. */
final class AttributeNormalizer {

  /** Relay's limits on tag keys and values. */
  static final int MAX_TAG_KEY = 200;

  static final int MAX_TAG_VALUE = 200;

  /** SDKs keep 100 breadcrumbs by default; more only bloats the payload. */
  static final int MAX_BREADCRUMBS = 100;

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

  private AttributeNormalizer() {}

  /** The link to a trace, from {@code contexts.trace}. */
  record Trace(String traceId, String spanId) {}

  /** The SDK that sent the event. */
  record Sdk(String name, String version) {}

  /** Tags from an object or a list of [key, value] pairs; rewritten as pairs, Sentry's stored form. */
  static Map<String, String> tags(ObjectNode event) {
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode node = event.get("tags");
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> putTag(tags, e.getKey(), e.getValue()));
    } else if (node instanceof ArrayNode array) {
      for (JsonNode pair : array) {
        if (pair instanceof ArrayNode p && p.size() == 2) {
          putTag(tags, JsonValues.text(p.get(0)), p.get(1));
        } else if (pair instanceof ObjectNode o) {
          putTag(tags, JsonValues.text(o, "key"), o.get("value"));
        }
      }
    }
    if (tags.isEmpty()) {
      event.remove("tags");
    } else {
      ArrayNode pairs = event.putArray("tags");
      tags.forEach((k, v) -> pairs.addArray().add(k).add(v));
    }
    return tags;
  }

  private static void putTag(Map<String, String> tags, String key, JsonNode value) {
    String text = JsonValues.text(value);
    if (key == null || text == null) {
      return;
    }
    tags.put(JsonValues.cap(key.strip(), MAX_TAG_KEY), JsonValues.cap(text, MAX_TAG_VALUE));
  }

  /** The user; {@code {{auto}}} as IP means "the address the event came from". */
  static UserInfo user(ObjectNode event, String clientAddress) {
    ObjectNode user = JsonValues.object(event.get("user"));
    if (user == null) {
      event.remove("user");
      return UserInfo.NONE;
    }
    String id = JsonValues.text(user, "id");
    String email = JsonValues.text(user, "email");
    String username = JsonValues.text(user, "username");
    String ip = JsonValues.text(user, "ip_address");
    if ("{{auto}}".equals(ip) || "{{ auto }}".equals(ip)) {
      ip = clientAddress == null || clientAddress.isBlank() ? null : clientAddress;
    }
    JsonValues.putOrRemove(user, "id", id);
    JsonValues.putOrRemove(user, "email", email);
    JsonValues.putOrRemove(user, "username", username);
    JsonValues.putOrRemove(user, "ip_address", ip);
    if (user.isEmpty()) {
      event.remove("user");
    }
    return new UserInfo(id, email, username, ip);
  }

  /** Trace and span id from {@code contexts.trace}; ids that are not lower-case hex are dropped. */
  static Trace trace(ObjectNode event) {
    ObjectNode contexts = JsonValues.object(event.get("contexts"));
    if (contexts == null) {
      event.remove("contexts");
      return new Trace(null, null);
    }
    ObjectNode trace = JsonValues.object(contexts.get("trace"));
    if (trace == null) {
      return new Trace(null, null);
    }
    String traceId = hexId(JsonValues.text(trace, "trace_id"), TRACE_ID);
    String spanId = hexId(JsonValues.text(trace, "span_id"), SPAN_ID);
    JsonValues.putOrRemove(trace, "trace_id", traceId);
    JsonValues.putOrRemove(trace, "span_id", spanId);
    return new Trace(traceId, spanId);
  }

  private static String hexId(String value, Pattern shape) {
    if (value == null) {
      return null;
    }
    String id = value.replace("-", "").toLowerCase(Locale.ROOT);
    return shape.matcher(id).matches() ? id : null;
  }

  /** Breadcrumbs as {@code {values: [...]}} with float-second timestamps, the last 100 kept. */
  static void breadcrumbs(ObjectNode event) {
    JsonNode node = event.get("breadcrumbs");
    JsonNode values = node instanceof ObjectNode o ? o.get("values") : node;
    if (!(values instanceof ArrayNode array) || array.isEmpty()) {
      event.remove("breadcrumbs");
      return;
    }
    ArrayNode cleaned = NODES.arrayNode();
    int skip = Math.max(0, array.size() - MAX_BREADCRUMBS);
    for (int i = skip; i < array.size(); i++) {
      if (array.get(i) instanceof ObjectNode crumb) {
        Instant at = Timestamps.parse(crumb.get("timestamp"));
        if (at != null) {
          crumb.put("timestamp", Timestamps.toSeconds(at));
        }
        cleaned.add(crumb);
      }
    }
    event.putObject("breadcrumbs").set("values", cleaned);
  }

  /** The SDK's name and version, or nulls. */
  static Sdk sdk(ObjectNode event) {
    ObjectNode sdk = JsonValues.object(event.get("sdk"));
    if (sdk == null) {
      event.remove("sdk");
      return new Sdk(null, null);
    }
    return new Sdk(JsonValues.text(sdk, "name"), JsonValues.text(sdk, "version"));
  }

  /** The custom fingerprint as strings; a single string is taken as a one-element list. */
  static List<String> fingerprint(ObjectNode event) {
    JsonNode node = event.get("fingerprint");
    List<String> fingerprint =
        node != null && node.isTextual() ? List.of(node.textValue()) : JsonValues.strings(node);
    if (fingerprint.isEmpty()) {
      event.remove("fingerprint");
    } else {
      ArrayNode array = event.putArray("fingerprint");
      fingerprint.forEach(array::add);
    }
    return fingerprint;
  }

  /** Fields that must be objects (request, modules, extra) are dropped when they are not. */
  static void objectsOnly(ObjectNode event, String... fields) {
    for (String field : fields) {
      if (event.has(field) && !event.get(field).isObject()) {
        event.remove(field);
      }
    }
  }
}
