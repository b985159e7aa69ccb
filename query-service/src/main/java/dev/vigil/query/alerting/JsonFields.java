package dev.vigil.query.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.rest.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reading the fields of a request body, failing with 400 and a message that names the field. */
public final class JsonFields {

  /** Prometheus's label name syntax. */
  public static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private JsonFields() {}

  public static String text(JsonNode body, String field, int max, String fallback) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (fallback == null) {
        throw ApiException.badRequest(field + " is required");
      }
      return fallback;
    }
    if (!n.isTextual() || n.asText().length() > max) {
      throw ApiException.badRequest(field + " must be a string of at most " + max + " characters");
    }
    return n.asText();
  }

  /** A non-blank string, stripped. */
  public static String name(JsonNode body, String field, int max) {
    String s = text(body, field, max, null).strip();
    if (s.isEmpty()) {
      throw ApiException.badRequest(field + " must not be empty");
    }
    return s;
  }

  /** A string or null; blank counts as null. */
  public static String optionalText(JsonNode body, String field, int max) {
    String s = text(body, field, max, "").strip();
    return s.isEmpty() ? null : s;
  }

  public static int integer(JsonNode body, String field, int fallback, int min, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
      throw ApiException.badRequest(field + " must be a whole number from " + min + " to " + max);
    }
    return n.asInt();
  }

  public static boolean bool(JsonNode body, String field, boolean fallback) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw ApiException.badRequest(field + " must be true or false");
    }
    return n.asBoolean();
  }

  /** An array of strings, or {@code fallback} when absent. */
  public static List<String> strings(JsonNode body, String field, int maxItems, int maxLength, List<String> fallback) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isArray() || n.size() > maxItems) {
      throw ApiException.badRequest(field + " must be an array of at most " + maxItems + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : n) {
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
        throw ApiException.badRequest(field + " must hold non-empty strings of at most " + maxLength + " characters");
      }
      out.add(item.asText().strip());
    }
    return out;
  }

  /** Labels {@code {name: value}} with Prometheus label names, not reserved ({@code __*}) ones. */
  public static Map<String, String> labels(JsonNode body, String field) {
    JsonNode n = body.get(field);
    Map<String, String> labels = new TreeMap<>();
    if (n == null || n.isNull()) {
      return labels;
    }
    if (!n.isObject() || n.size() > 50) {
      throw ApiException.badRequest(field + " must be an object of at most 50 labels");
    }
    for (var e : (Iterable<Map.Entry<String, JsonNode>>) n::fields) {
      String name = e.getKey();
      if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
        throw ApiException.badRequest(field + ": \"" + name + "\" is not a valid label name");
      }
      if (!e.getValue().isTextual() || e.getValue().asText().length() > 1000) {
        throw ApiException.badRequest(field + "." + name + " must be a string of at most 1000 characters");
      }
      labels.put(name, e.getValue().asText());
    }
    return labels;
  }

  public static JsonNode object(JsonNode body, String what) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("a JSON object describing the " + what + " is required");
    }
    return body;
  }
}
