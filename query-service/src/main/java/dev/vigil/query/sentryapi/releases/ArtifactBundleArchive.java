package dev.vigil.query.sentryapi.releases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.state.releases.BundleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An artifact bundle as sentry-cli writes it (symbolic's source bundle: an 8-byte SYSB header, then a zip) holding {@code
 * manifest.json} and the files, the manifest mapping each file's path to its URL, type and headers
 * ({@code Sourcemap}, {@code debug-id}), plus the bundle's attributes (debug_id, release, dist).
 */
record ArtifactBundleArchive(String bundleId, String release, String dist, List<BundleFile> files) {

  /** Thrown for an archive that is not a readable bundle; its message is shown to the client. */
  static final class InvalidBundleException extends Exception {
    InvalidBundleException(String message) {
      super(message);
    }
  }

  /** Total bytes of files unpacked from one bundle: a zip bomb stops here. */
  static final long MAX_UNPACKED = 512L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  static ArtifactBundleArchive read(byte[] zip) throws InvalidBundleException {
    Map<String, byte[]> entries = unzip(zip);
    byte[] manifestBytes = entries.get("manifest.json");
    if (manifestBytes == null) {
      throw new InvalidBundleException("the bundle has no manifest.json");
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(manifestBytes);
    } catch (IOException e) {
      throw new InvalidBundleException("manifest.json is not valid JSON");
    }
    List<BundleFile> files = new ArrayList<>();
    JsonNode listed = manifest.path("files");
    for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      byte[] content = entries.containsKey(path) ? entries.get(path) : entries.get("files/" + path);
      if (content == null) {
        throw new InvalidBundleException("manifest.json lists " + path + " but the bundle does not hold it");
      }
      JsonNode info = e.getValue();
      Map<String, String> headers = new LinkedHashMap<>();
      info.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
      String url = text(info, "url");
      files.add(
          new BundleFile(
              path,
              url == null ? "~/" + path : url,
              text(info, "type"),
              header(headers, "debug-id"),
              header(headers, "sourcemap", "x-sourcemap"),
              headers,
              content));
    }
    return new ArtifactBundleArchive(text(manifest, "debug_id"), text(manifest, "release"), text(manifest, "dist"), files);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws InvalidBundleException {
    Map<String, byte[]> entries = new HashMap<>();
    long total = 0;
    // symbolic's source bundles start with an 8-byte header ("SYSB" and a version) before the zip.
    int start = zip.length >= 8 && zip[0] == 'S' && zip[1] == 'Y' && zip[2] == 'S' && zip[3] == 'B' ? 8 : 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip, start, zip.length - start))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED - total + 1));
        total += data.length;
        if (total > MAX_UNPACKED) {
          throw new InvalidBundleException("the bundle unpacks to more than " + MAX_UNPACKED + " bytes");
        }
        entries.put(entry.getName(), data);
      }
    } catch (IOException e) {
      throw new InvalidBundleException("the bundle is not a valid zip archive: " + e.getMessage());
    }
    if (entries.isEmpty()) {
      throw new InvalidBundleException("the bundle is not a zip archive or is empty");
    }
    return entries;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Header names are case-insensitive (sentry-cli writes "Sourcemap" and "debug-id"). */
  private static String header(Map<String, String> headers, String... names) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String key = h.getKey().toLowerCase(Locale.ROOT);
      for (String name : names) {
        if (key.equals(name)) {
          return h.getValue();
        }
      }
    }
    return null;
  }
}
