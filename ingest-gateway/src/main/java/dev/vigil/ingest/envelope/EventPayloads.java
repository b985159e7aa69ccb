package dev.vigil.ingest.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.sentry.envelope.EventIds;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks that an event payload is one JSON object and reads its top-level event_id, in one streaming
 * pass without building a tree. Relay refuses invalid event JSON with 400; so do we, so that the SDK
 * learns at once instead of the event vanishing in the processor's dead-letter topic.
 */
final class EventPayloads {

  private static final JsonFactory JSON = new JsonFactory();

  private EventPayloads() {}

  /** The payload's canonical event_id, or null when it has none; 400 when it is not a JSON object. */
  static String validate(InputStream payload, String what) {
    try (JsonParser parser = JSON.createParser(payload)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw IngestError.badRequest("invalid JSON data: " + what + " is not a JSON object");
      }
      String eventId = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("event_id") && value == JsonToken.VALUE_STRING) {
          eventId = EventIds.normalize(parser.getText());
          if (eventId == null) {
            throw IngestError.badRequest("invalid event id in " + what + ": " + parser.getText());
          }
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw IngestError.badRequest("invalid JSON data: trailing data after the " + what);
      }
      return eventId;
    } catch (JsonParseException e) {
      throw IngestError.badRequest("invalid JSON data in " + what + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw IngestError.badRequest("invalid JSON data in " + what);
    }
  }
}
