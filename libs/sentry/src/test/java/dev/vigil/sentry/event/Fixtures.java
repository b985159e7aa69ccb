package dev.vigil.sentry.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Loads the SDK payloads under src/test/resources/events and normalizes them. */
public final class Fixtures {

  /** Shortly after the fixtures' timestamps, so their clocks count as correct. */
  public static final Instant RECEIVED = Instant.parse("2025-06-12T10:00:00Z");

  public static final String CLIENT_ADDRESS = "203.0.113.7";

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final EventNormalizer NORMALIZER = new EventNormalizer();

  private Fixtures() {}

  /** A fresh, mutable copy of a fixture. */
  public static ObjectNode load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Event event(String name) {
    return normalize(load(name));
  }

  public static Event normalize(JsonNode payload) {
    return NORMALIZER.normalize(payload, 1L, RECEIVED, CLIENT_ADDRESS);
  }

  public static Event normalize(String json) {
    return NORMALIZER.normalize(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1L, RECEIVED, CLIENT_ADDRESS);
  }

  /** The frames of the exception at {@code index} of {@code exception.values}. */
  public static ArrayNode frames(ObjectNode payload, int index) {
    return (ArrayNode) payload.path("exception").path("values").get(index).path("stacktrace").path("frames");
  }

  /** The frames of the last (main) exception. */
  public static ArrayNode mainFrames(ObjectNode payload) {
    return frames(payload, payload.path("exception").path("values").size() - 1);
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
