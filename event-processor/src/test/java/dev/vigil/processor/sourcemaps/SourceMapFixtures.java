package dev.vigil.processor.sourcemaps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two terser builds of {@code src/checkout.js} under {@code src/test/resources/sourcemaps} (see its
 * README): their minified files, maps, debug ids and the envelopes @sentry/node sent for them.
 */
public final class SourceMapFixtures {

  public record Build(String name, String debugId) {
    byte[] minified() {
      return read(name + "/" + name + ".min.js");
    }

    byte[] map() {
      return read(name + "/" + name + ".min.js.map");
    }

    public byte[] envelope() {
      return read(name + "/event.envelope");
    }
  }

  public static final Build BUILD_A = new Build("checkout.3f9a1c", "6067171d-cda9-56df-8bba-21a943b717f6");
  static final Build BUILD_B = new Build("checkout.8b27de", "329903cf-05a2-5a11-be50-bdc6c654d2c0");

  private SourceMapFixtures() {}

  static byte[] read(String path) {
    try (InputStream in = SourceMapFixtures.class.getResourceAsStream("/sourcemaps/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The envelope under a new event id, with the event's timestamp set to now (stored events stay within
   * ClickHouse's retention) and its release replaced when {@code release} is not null.
   */
  public static String fresh(byte[] envelope, String eventId, String release) {
    String text = new String(envelope, java.nio.charset.StandardCharsets.UTF_8)
        .replaceAll("\"event_id\":\"[0-9a-f]{32}\"", "\"event_id\":\"" + eventId + "\"")
        .replaceAll("\"timestamp\":[0-9.]+", "\"timestamp\":" + (System.currentTimeMillis() / 1000.0));
    return release == null ? text : text.replace("checkout@1.0.0", release);
  }

  /** The event item of an envelope of exactly three lines (header, item header, event). */
  static byte[] eventItem(byte[] envelope) {
    String[] lines = new String(envelope, java.nio.charset.StandardCharsets.UTF_8).split("\n");
    return lines[2].getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
