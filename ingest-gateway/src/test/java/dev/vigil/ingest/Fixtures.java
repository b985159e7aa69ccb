package dev.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** SDK-shaped payloads from src/test/resources/fixtures (see the README there). */
public final class Fixtures {

  public static final String PYTHON = "sentry-python-2.19.0-event-client-report.envelope";
  public static final String NODE = "sentry-node-8.42.0-event.envelope";
  public static final String JAVA = "sentry-java-8.20.0-event-attachment.envelope";

  private static final String PYTHON_ID = "9ec79c33ec9942ab8353589fcb2e04dc";
  private static final String NODE_ID = "5f1c9f8e2b6a4e0f9d3c7b1a2e4d6f80";
  private static final String JAVA_ID = "c3a9d8e7f6b54a3c9d2e1f0a9b8c7d6e";

  private Fixtures() {}

  /** The fixture with its event id replaced by {@code eventId} everywhere (header and event). */
  public static byte[] envelope(String name, String eventId) {
    String text = text(name);
    return text.replace(PYTHON_ID, eventId).replace(NODE_ID, eventId).replace(JAVA_ID, eventId)
        .getBytes(StandardCharsets.UTF_8);
  }

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
