package dev.vigil.otlp.receiver.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The OTLP/JSON mapping. It is proto3 JSON (which JsonFormat implements: lowerCamelCase or proto
 * names, enums as integers, int64 as strings or numbers, unknown fields ignored) except that trace
 * and span ids are hex instead of base64. JsonFormat has no hook for that, so the ids are rewritten
 * in a Jackson tree around it; no OTLP message has another field with these names.
 */
public final class OtlpJson {

  /** Id fields (both JSON spellings JsonFormat accepts) and their length in bytes. */
  private static final Map<String, Integer> ID_FIELDS =
      Map.of(
          "traceId", 16, "trace_id", 16,
          "spanId", 8, "span_id", 8,
          "parentSpanId", 8, "parent_span_id", 8);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().printingEnumsAsInts().omittingInsignificantWhitespace();

  private OtlpJson() {}

  /** Merges an OTLP/JSON document into {@code builder}. */
  public static <B extends Message.Builder> B merge(byte[] json, B builder) throws InvalidOtlpJsonException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidOtlpJsonException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidOtlpJsonException("invalid JSON: " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidOtlpJsonException("invalid OTLP/JSON: the body must be a JSON object", null);
    }
    idsToBase64(tree, new ArrayList<>());
    try {
      PARSER.merge(MAPPER.writeValueAsString(tree), builder);
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new InvalidOtlpJsonException("invalid OTLP/JSON: " + e.getMessage(), e);
    }
    return builder;
  }

  /** The OTLP/JSON form of a message: enums as integers, ids as hex. */
  public static String print(MessageOrBuilder message) {
    try {
      String json = PRINTER.print(message);
      if (!hasIdField(message)) {
        return json;
      }
      JsonNode tree = MAPPER.readTree(json);
      idsToHex(tree);
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      // JsonFormat prints every message it is given; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
    }
  }

  private static boolean hasIdField(MessageOrBuilder message) {
    String name = message.getDescriptorForType().getFullName();
    return !name.endsWith("ServiceResponse") && !name.equals("google.rpc.Status");
  }

  private static void idsToBase64(JsonNode node, List<String> path) throws InvalidOtlpJsonException {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      object.fields().forEachRemaining(fields::add);
      for (Map.Entry<String, JsonNode> field : fields) {
        Integer length = ID_FIELDS.get(field.getKey());
        if (length != null && field.getValue().isTextual()) {
          object.set(field.getKey(), new TextNode(hexToBase64(field.getKey(), field.getValue().asText(), length, path)));
        } else if (field.getValue().isContainerNode()) {
          path.add(field.getKey());
          idsToBase64(field.getValue(), path);
          path.remove(path.size() - 1);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add("[" + i + "]");
        idsToBase64(node.get(i), path);
        path.remove(path.size() - 1);
      }
    }
  }

  private static String hexToBase64(String field, String hex, int length, List<String> path)
      throws InvalidOtlpJsonException {
    if (hex.isEmpty()) {
      return "";
    }
    if (hex.length() != length * 2) {
      throw invalidId(field, path, "expected " + length * 2 + " hex characters, got " + hex.length());
    }
    try {
      return Base64.getEncoder().encodeToString(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw invalidId(field, path, "not hexadecimal");
    }
  }

  private static InvalidOtlpJsonException invalidId(String field, List<String> path, String why) {
    String where = String.join(".", path).replace(".[", "[");
    return new InvalidOtlpJsonException("invalid " + field + (where.isEmpty() ? "" : " at " + where) + ": " + why, null);
  }

  private static void idsToHex(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      object.fields().forEachRemaining(fields::add);
      for (Map.Entry<String, JsonNode> field : fields) {
        if (ID_FIELDS.containsKey(field.getKey()) && field.getValue().isTextual()) {
          object.set(field.getKey(), new TextNode(HEX.formatHex(Base64.getDecoder().decode(field.getValue().asText()))));
        } else if (field.getValue().isContainerNode()) {
          idsToHex(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(OtlpJson::idsToHex);
    }
  }
}
