package dev.vigil.processor.sourcemaps;

import dev.vigil.state.releases.BundleFile;
import dev.vigil.state.releases.SourceUrls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which bundle URLs a minified file and its source map may have been uploaded under. */
final class ArtifactUrls {

  private static final Pattern SOURCE_MAPPING_URL = Pattern.compile("[#@]\\s*sourceMappingURL=(\\S+)\\s*$", Pattern.MULTILINE);
  /** Bounds the suffixes tried for a deep file path. */
  private static final int MAX_SUFFIXES = 6;

  private ArtifactUrls() {}

  /**
   * {@link SourceUrls#candidates} plus, for a file path (Node.js frames carry no URL), its trailing
   * segments under {@code ~/}: sentry-cli uploads {@code dist/app.js} as {@code ~/app.js} whatever
   * directory the server runs it from.
   */
  static List<String> candidates(String minifiedPath) {
    LinkedHashSet<String> urls = new LinkedHashSet<>(SourceUrls.candidates(minifiedPath));
    String bare = minifiedPath.replaceFirst("[?#].*$", "");
    if (!bare.contains("://")) {
      String[] parts = bare.replaceFirst("^/+", "").split("/");
      for (int i = Math.max(0, parts.length - MAX_SUFFIXES); i < parts.length; i++) {
        urls.add("~/" + String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
      }
    }
    return new ArrayList<>(urls);
  }

  /** The map URLs a minified file names: its {@code Sourcemap} header, else its {@code sourceMappingURL} comment, resolved against its URL. */
  static List<String> mapUrls(BundleFile minified) {
    String reference = minified.sourcemap();
    if (reference == null) {
      reference = header(minified.headers(), "sourcemap");
    }
    if (reference == null) {
      reference = header(minified.headers(), "x-sourcemap");
    }
    if (reference == null) {
      reference = commentReference(minified.content());
    }
    if (reference == null) {
      return List.of();
    }
    if (reference.startsWith("data:")) {
      return List.of(reference);
    }
    return List.of(JavaScriptFrames.resolve(minified.url(), reference), reference);
  }

  /** The bytes of a {@code data:application/json;base64,…} inline map. */
  static byte[] dataUrl(String url) {
    int comma = url.indexOf(',');
    String body = url.substring(comma + 1);
    return url.substring(0, comma).endsWith(";base64")
        ? Base64.getDecoder().decode(body)
        : java.net.URLDecoder.decode(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
  }

  private static String header(Map<String, String> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
  }

  /** The last {@code //# sourceMappingURL=} of the file (only the tail is read: the comment ends the file). */
  private static String commentReference(byte[] content) {
    int from = Math.max(0, content.length - 4096);
    Matcher m = SOURCE_MAPPING_URL.matcher(new String(content, from, content.length - from, StandardCharsets.UTF_8));
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return found;
  }
}
