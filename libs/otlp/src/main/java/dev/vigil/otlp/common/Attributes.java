package dev.vigil.otlp.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OTLP attributes as the string map Vigil stores: scalars as text, byte arrays as base64, arrays and
 * key-value lists as JSON (what the OpenTelemetry Collector's {@code AsString} does).
 */
public final class Attributes {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Attributes() {}

  /** The attributes as a map; when a key repeats (invalid OTLP), the last value wins. */
  public static Map<String, String> toMap(List<KeyValue> attributes) {
    if (attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new HashMap<>(attributes.size() * 2);
    for (KeyValue kv : attributes) {
      map.put(kv.getKey(), render(kv.getValue()));
    }
    return map;
  }

  /** One value as text: strings as they are, an empty value as "". */
  public static String render(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      case ARRAY_VALUE, KVLIST_VALUE -> writeJson(toJson(value));
      case VALUE_NOT_SET -> "";
    };
  }

  private static JsonNode toJson(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> NODES.textNode(value.getStringValue());
      case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
      case INT_VALUE -> NODES.numberNode(value.getIntValue());
      case DOUBLE_VALUE -> doubleNode(value.getDoubleValue());
      case BYTES_VALUE ->
          NODES.textNode(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        ArrayNode array = NODES.arrayNode();
        value.getArrayValue().getValuesList().forEach(v -> array.add(toJson(v)));
        yield array;
      }
      case KVLIST_VALUE -> {
        ObjectNode object = NODES.objectNode();
        value.getKvlistValue().getValuesList().forEach(kv -> object.set(kv.getKey(), toJson(kv.getValue())));
        yield object;
      }
      case VALUE_NOT_SET -> NODES.nullNode();
    };
  }

  // JSON has no NaN or infinities: render them as strings rather than emit invalid JSON.
  private static JsonNode doubleNode(double d) {
    return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
  }

  private static String writeJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree built from protobuf values", e);
    }
  }
}
