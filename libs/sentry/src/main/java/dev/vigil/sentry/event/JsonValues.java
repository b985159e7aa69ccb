package dev.vigil.sentry.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for SDK JSON: a field of the wrong type reads as absent instead of failing the
 * event, which is how Sentry's normalization treats it.
 */
final class JsonValues {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Longest string kept anywhere in the payload; longer ones are cut, not rejected. */
  static final int MAX_STRING = 16 * 1024;

  private JsonValues() {}

  /** A non-blank string value; numbers and booleans are stringified; anything else is null. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String value;
    if (node.isTextual()) {
      value = node.textValue();
    } else if (node.isNumber() || node.isBoolean()) {
      value = node.asText();
    } else {
      return null;
    }
    value = value.strip();
    return value.isEmpty() ? null : cap(value, MAX_STRING);
  }

  static String text(JsonNode parent, String field) {
    return parent == null ? null : text(parent.get(field));
  }

  /** An integer from a number or a numeric string, else null. */
  static Integer integer(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isNumber()) {
      return (int) node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Integer.parseInt(node.textValue().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A boolean from a JSON boolean or the strings "true"/"false", else null (meaning: not said). */
  static Boolean bool(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String v = node.textValue().strip();
      if (v.equalsIgnoreCase("true")) {
        return true;
      }
      if (v.equalsIgnoreCase("false")) {
        return false;
      }
    }
    return null;
  }

  static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode o ? o : null;
  }

  /** The string elements of an array (others stringified when scalar, dropped otherwise). */
  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (element.isTextual()) {
          out.add(cap(element.textValue(), MAX_STRING));
        } else if (element.isNumber() || element.isBoolean()) {
          out.add(element.asText());
        }
      }
    }
    return out;
  }

  /** Cuts a string to at most {@code max} characters, never splitting a surrogate pair. */
  static String cap(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = max - 3;
    if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, Math.max(end, 0)) + "...";
  }

  /** Caps every string in a tree in place, so a huge extra or request body cannot bloat storage. */
  static JsonNode capStrings(JsonNode node) {
    if (node instanceof ObjectNode object) {
      var fields = object.fields();
      List<String> names = new ArrayList<>();
      fields.forEachRemaining(e -> names.add(e.getKey()));
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual() && child.textValue().length() > MAX_STRING) {
          object.put(name, cap(child.textValue(), MAX_STRING));
        } else {
          capStrings(child);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (child.isTextual() && child.textValue().length() > MAX_STRING) {
          array.set(i, NODES.textNode(cap(child.textValue(), MAX_STRING)));
        } else {
          capStrings(child);
        }
      }
    }
    return node;
  }

  /** Puts a string field, or removes the field when the value is null. */
  static void putOrRemove(ObjectNode target, String field, String value) {
    if (value == null) {
      target.remove(field);
    } else {
      target.put(field, value);
    }
  }
}
