package dev.vigil.sentry.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The first line of an envelope. {@code eventId} is canonical (32 hex) or null; the other fields are
 * as sent, null when absent; {@code json} holds every header field, known or not.
 */
public record EnvelopeHeader(String eventId, String dsn, String sentAt, String sdkName, String sdkVersion, ObjectNode json) {

  static EnvelopeHeader of(ObjectNode json) throws InvalidEnvelopeException {
    String eventId = null;
    JsonNode id = json.get("event_id");
    if (id != null && !id.isNull()) {
      eventId = EventIds.normalize(id.isTextual() ? id.textValue() : null);
      if (eventId == null) {
        throw new InvalidEnvelopeException("invalid event id in envelope header: " + id);
      }
    }
    JsonNode sdk = json.path("sdk");
    return new EnvelopeHeader(
        eventId, text(json.get("dsn")), text(json.get("sent_at")), text(sdk.get("name")), text(sdk.get("version")), json);
  }

  /** The SDK as "name/version" (the form of X-Sentry-Auth's sentry_client), or null when unknown. */
  public String client() {
    if (sdkName == null) {
      return null;
    }
    return sdkVersion == null ? sdkName : sdkName + "/" + sdkVersion;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
