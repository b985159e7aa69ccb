package dev.vigil.testsupport.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What a webhook receiver accepts. Lengths are counted in UTF-16 units (Java's and JavaScript's
 * {@code length}), never fewer than Discord or Slack count, so a payload passing here passes there.
 */
public interface PayloadRules {

  /** Why the receiver would refuse {@code body}, or empty when it would accept it. */
  Optional<String> violation(String body);

  /** Accepts anything: generic webhook receivers. */
  PayloadRules ANY = body -> Optional.empty();

  /** Reads a body that must be a JSON object; null when it is not one. */
  static JsonNode jsonObject(String body) {
    try {
      JsonNode node = new ObjectMapper().readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The text length of an optional string node; -1 when it is present but not a string. */
  static int length(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return 0;
    }
    return node.isTextual() ? node.asText().length() : -1;
  }
}
