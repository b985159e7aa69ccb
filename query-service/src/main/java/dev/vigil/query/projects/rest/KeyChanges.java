package dev.vigil.query.projects.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.projects.KeyChange;

/**
 * Reads the body of PUT /projects/{id}/keys/{publicKey}. It is parsed as a tree because an absent
 * rateLimitPerMinute keeps the limit while an explicit null clears it, which a record cannot tell apart.
 */
final class KeyChanges {

  private static final int MAX_LABEL = 200;

  private KeyChanges() {}

  static KeyChange parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("a JSON object with label, active or rateLimitPerMinute is required");
    }
    String label = null;
    if (body.has("label")) {
      JsonNode node = body.get("label");
      if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_LABEL) {
        throw ApiException.badRequest("label must be a non-empty string of at most " + MAX_LABEL + " characters");
      }
      label = node.asText().strip();
    }
    Boolean active = null;
    if (body.has("active")) {
      if (!body.get("active").isBoolean()) {
        throw ApiException.badRequest("active must be true or false");
      }
      active = body.get("active").asBoolean();
    }
    Integer limit = null;
    boolean clearLimit = false;
    if (body.has("rateLimitPerMinute")) {
      JsonNode node = body.get("rateLimitPerMinute");
      if (node.isNull()) {
        clearLimit = true;
      } else if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 1) {
        limit = node.asInt();
      } else {
        throw ApiException.badRequest("rateLimitPerMinute must be a positive whole number, or null for no limit");
      }
    }
    return new KeyChange(label, active, limit, clearLimit);
  }
}
