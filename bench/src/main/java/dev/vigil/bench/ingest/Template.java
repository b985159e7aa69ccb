package dev.vigil.bench.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * One captured envelope, rewritten for this run: the DSN and public key of the bench project, timestamps of
 * now, and a placeholder where the event id goes so that every request carries a fresh one (Vigil
 * deduplicates by event id, as Sentry does). Item lengths are recomputed after the rewrite.
 */
final class Template {
  private static final String MARKER = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\\s*\"([0-9a-f]{32})\"");
  private static final Pattern ISO_TIMESTAMP =
      Pattern.compile("\"(timestamp|start_timestamp|sent_at)\":\\s*\"\\d{4}-\\d\\d-\\d\\dT[^\"]+\"");
  private static final Pattern FLOAT_TIMESTAMP = Pattern.compile("\"(timestamp|start_timestamp)\":\\s*\\d+\\.?\\d*");

  final String name;
  final String sdk;
  final boolean gzip;
  /** The rewritten envelope with {@link #MARKER} where the event id goes. */
  final String text;
  private final byte[][] segments;

  private Template(String name, String sdk, boolean gzip, String text) {
    this.name = name;
    this.sdk = sdk;
    this.gzip = gzip;
    this.text = text;
    this.segments = Arrays.stream(text.split(MARKER, -1))
        .map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  static List<Template> loadAll(Path dir, Dsn dsn) throws IOException {
    List<Template> templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".envelope")).sorted().toList()) {
        templates.add(load(file, dsn));
      }
    }
    if (templates.isEmpty()) {
      throw new IllegalStateException("no *.envelope files in " + dir);
    }
    return templates;
  }

  static Template load(Path file, Dsn dsn) throws IOException {
    String name = file.getFileName().toString().replace(".envelope", "");
    String sdk = name.substring(0, name.indexOf('-'));
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    String eventId = matchOrFail(EVENT_ID, text, file).group(1);
    String now = Instant.now().toString();
    String nowSeconds = String.format("%.3f", System.currentTimeMillis() / 1000.0);

    String[] lines = text.split("\n", 2);
    String header = lines[0]
        .replaceAll("\"dsn\":\\s*\"[^\"]*\"", "\"dsn\":\"" + dsn.raw() + "\"")
        .replaceAll("\"public_key\":\\s*\"[^\"]*\"", "\"public_key\":\"" + dsn.publicKey() + "\"");
    StringBuilder out = new StringBuilder(rewrite(header, eventId, now, nowSeconds)).append('\n');
    byte[] rest = lines.length > 1 ? lines[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
    int pos = 0;
    while (pos < rest.length) {
      int headerEnd = indexOf(rest, (byte) '\n', pos);
      String itemHeader = new String(rest, pos, (headerEnd < 0 ? rest.length : headerEnd) - pos, StandardCharsets.UTF_8);
      if (itemHeader.isBlank()) {
        break;
      }
      pos = headerEnd < 0 ? rest.length : headerEnd + 1;
      Matcher length = Pattern.compile("\"length\":\\s*(\\d+)").matcher(itemHeader);
      int end = length.find() ? pos + Integer.parseInt(length.group(1)) : endOfLine(rest, pos);
      String payload = rewrite(new String(rest, pos, end - pos, StandardCharsets.UTF_8), eventId, now, nowSeconds);
      int newLength = payload.getBytes(StandardCharsets.UTF_8).length;
      String newHeader = length.reset().find()
          ? length.replaceFirst("\"length\":" + newLength)
          : itemHeader.replaceFirst("\\{", "{\"length\":" + newLength + ",");
      out.append(newHeader).append('\n').append(payload).append('\n');
      pos = Math.min(rest.length, end + 1);
    }
    return new Template(name, sdk, !"node".equals(sdk), out.toString());
  }

  private static String rewrite(String json, String eventId, String now, String nowSeconds) {
    String withId = json.replace(eventId, MARKER);
    String iso = ISO_TIMESTAMP.matcher(withId).replaceAll(m -> "\"" + m.group(1) + "\":\"" + now + "\"");
    return FLOAT_TIMESTAMP.matcher(iso).replaceAll(m -> "\"" + m.group(1) + "\":" + nowSeconds);
  }

  /** The envelope with a fresh event id, compressed the way the SDK that produced it sends it. */
  byte[] next() throws IOException {
    byte[] id = UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (var sink = gzip ? new GZIPOutputStream(bytes, 8192) : bytes) {
      for (int i = 0; i < segments.length; i++) {
        if (i > 0) {
          sink.write(id);
        }
        sink.write(segments[i]);
      }
    }
    return bytes.toByteArray();
  }

  /** An envelope built from this template, compressed the way the SDK that produced it sends it. */
  byte[] encode(String envelope) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (var sink = gzip ? new GZIPOutputStream(bytes, 8192) : bytes) {
      sink.write(envelope.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static Matcher matchOrFail(Pattern pattern, String text, Path file) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(file + " has no event_id");
    }
    return matcher;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int endOfLine(byte[] bytes, int from) {
    int newline = indexOf(bytes, (byte) '\n', from);
    return newline < 0 ? bytes.length : newline;
  }
}
