package dev.vigil.sentry.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Renders Sentry JSON values as span attribute strings: scalars as text, arrays and objects as JSON. */
final class Attributes {

  /** Longest attribute value kept; a huge SQL statement or payload in {@code data} is cut, not rejected. */
  static final int MAX_VALUE = 16 * 1024;

  private Attributes() {}

  /** Puts {@code key → value} when the value is present and the key not taken yet. */
  static void put(Map<String, String> target, String key, JsonNode value) {
    String text = text(value);
    if (key != null && !key.isBlank() && text != null) {
      target.putIfAbsent(key, text);
    }
  }

  static void put(Map<String, String> target, String key, String value) {
    if (value != null && !value.isEmpty()) {
      target.putIfAbsent(key, cap(value));
    }
  }

  /** Every field of an object (tags, data) under its own name; other node types add nothing. */
  static void putAll(Map<String, String> target, String prefix, JsonNode object) {
    if (object != null && object.isObject()) {
      object.fields().forEachRemaining(e -> put(target, prefix + e.getKey(), e.getValue()));
    }
  }

  /** A non-empty string, or null for null, missing and empty values. */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.isEmpty() ? null : cap(text);
  }

  private static String cap(String value) {
    if (value.length() <= MAX_VALUE) {
      return value;
    }
    int end = MAX_VALUE - 3;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + "...";
  }
}
