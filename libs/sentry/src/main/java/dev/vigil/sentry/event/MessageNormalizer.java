package dev.vigil.sentry.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves an event's message from {@code logentry} or {@code message} (a string or an object), and
 * formats templates with their params in the styles SDKs use: printf ({@code %s}, {@code %(name)s})
 * and SLF4J/.NET ({@code {}}, {@code {0}}).
 */
final class MessageNormalizer {

  /** Longest message kept, as Relay's limit on logentry. */
  static final int MAX_MESSAGE = 8192;

  private static final Pattern PLACEHOLDER =
      Pattern.compile("%%|%\\((\\w+)\\)[-#0 +]*\\d*(?:\\.\\d+)?[sdifrxXeEgGoc]|%[-#0 +]*\\d*(?:\\.\\d+)?[sdifrxXeEgGoc]|\\{(\\d*)\\}");

  private MessageNormalizer() {}

  /** The resolved message: what to display, and the unformatted template when params were given. */
  record Message(String formatted, String template) {}

  /** Normalizes {@code logentry} and {@code message} in place; null when the event has no message. */
  static Message normalize(ObjectNode event) {
    ObjectNode entry = JsonValues.object(event.get("logentry"));
    JsonNode message = event.get("message");
    if (entry == null && message instanceof ObjectNode messageObject) {
      entry = messageObject;
    }
    String formatted = null;
    String template = null;
    JsonNode params = null;
    if (entry != null) {
      formatted = JsonValues.text(entry, "formatted");
      template = JsonValues.text(entry, "message");
      params = entry.get("params");
    }
    if (formatted == null && template == null && message != null && message.isTextual()) {
      formatted = JsonValues.text(message);
    }
    boolean hasParams = params != null && (params.isArray() || params.isObject()) && !params.isEmpty();
    if (formatted == null && template != null) {
      formatted = hasParams ? format(template, params) : template;
    }
    if (!hasParams) {
      template = null;
    }
    event.remove("logentry");
    event.remove("message");
    if (formatted == null) {
      return null;
    }
    formatted = JsonValues.cap(formatted, MAX_MESSAGE);
    ObjectNode logentry = event.putObject("logentry");
    logentry.put("formatted", formatted);
    if (template != null) {
      logentry.put("message", JsonValues.cap(template, MAX_MESSAGE));
      logentry.set("params", params.deepCopy());
    }
    event.put("message", formatted);
    return new Message(formatted, template);
  }

  /** Formats a template; a placeholder without a matching param is left as written. */
  static String format(String template, JsonNode params) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    int next = 0;
    while (m.find()) {
      String replacement;
      if (m.group().equals("%%")) {
        replacement = "%";
      } else if (m.group(1) != null) {
        replacement = param(params.get(m.group(1)), m.group());
      } else if (m.group(2) != null && !m.group(2).isEmpty()) {
        replacement = params instanceof ArrayNode a ? param(a.get(Integer.parseInt(m.group(2))), m.group()) : m.group();
      } else {
        replacement = params instanceof ArrayNode a ? param(a.get(next), m.group()) : m.group();
        next++;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String param(JsonNode value, String placeholder) {
    if (value == null || value.isMissingNode()) {
      return placeholder;
    }
    if (value.isNull()) {
      return "None";
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
