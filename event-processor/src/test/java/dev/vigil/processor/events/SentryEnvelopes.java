package dev.vigil.processor.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The envelope fixtures of {@code src/test/resources/envelopes}, made new for each send. */
public final class SentryEnvelopes {

  private SentryEnvelopes() {}

  /** An error event envelope (python-keyerror, node-typeerror, java-illegalstate). */
  public static byte[] event(String fixture, UUID eventId, Instant timestamp) {
    return fixture(fixture)
        .replace("{{event_id}}", eventId.toString().replace("-", ""))
        .replace("{{timestamp_seconds}}", String.format("%d.%03d", timestamp.getEpochSecond(), timestamp.getNano() / 1_000_000))
        .replace("{{timestamp}}", timestamp.toString())
        .replace("{{trace_id}}", UUID.randomUUID().toString().replace("-", ""))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An error event envelope whose event and envelope header name the given environment. */
  static byte[] event(String fixture, UUID eventId, Instant timestamp, String environment) {
    return new String(event(fixture, eventId, timestamp), StandardCharsets.UTF_8)
        .replaceAll("\"environment\":\"[^\"]*\"", "\"environment\":\"" + environment + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The captured @sentry/node transaction (a root span and two children) in the given trace. */
  public static byte[] transaction(String traceId, UUID eventId) {
    return fixture("node-transaction")
        .replace("{{event_id}}", eventId.toString().replace("-", ""))
        .replace("{{timestamp}}", Instant.now().toString())
        .replace("{{epoch_second}}", String.valueOf(Instant.now().getEpochSecond()))
        .replace("{{trace_id}}", traceId)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String fixture(String name) {
    try (InputStream in = SentryEnvelopes.class.getResourceAsStream("/envelopes/" + name + ".envelope")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
