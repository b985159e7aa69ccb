package dev.vigil.processor.sourcemaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed Source Map revision 3 (sources, their content, names and decoded mappings) answering "which
 * original position produced this generated one". Index maps ({@code sections}) are not supported.
 *
 * <p>Why our own decoder rather than a library: the maintained Java implementation
 * (closure-compiler's {@code SourceMapConsumerV3}) cannot be resolved from Maven Central here (its parent
 * POM is not served) and would add a 13 MB compiler for one class; the format's mappings are a
 * documented Base64-VLQ encoding that fits in this class and is checked against terser's output in
 * {@code SourceMapTest}.
 */
final class SourceMap {

  /** An original position: source path (with {@code sourceRoot}), 1-based line, 0-based column, name or null. */
  record Original(String source, int line, int column, String name, int sourceIndex) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] EMPTY = new int[0];

  private final List<String> sources;
  private final List<String> sourcesContent;
  private final List<String> names;
  /** Per generated line, segments of 5 ints: generated column, source, original line, original column, name (-1 when absent). */
  private final int[][] lines;
  private final java.util.Map<Integer, SourceContext> contexts = new java.util.concurrent.ConcurrentHashMap<>();

  private SourceMap(List<String> sources, List<String> sourcesContent, List<String> names, int[][] lines) {
    this.sources = sources;
    this.sourcesContent = sourcesContent;
    this.names = names;
    this.lines = lines;
  }

  /** Parses a map; throws {@link IllegalArgumentException} when it is not a usable version 3 map. */
  static SourceMap parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(stripXssiPrefix(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("source map is not JSON: " + e.getMessage(), e);
    }
    if (root == null || root.path("version").asInt() != 3 || !root.path("mappings").isTextual()) {
      throw new IllegalArgumentException("not a version 3 source map with mappings");
    }
    String sourceRoot = root.path("sourceRoot").asText("");
    List<String> sources = new ArrayList<>();
    for (JsonNode s : root.path("sources")) {
      String path = s.isTextual() ? s.textValue() : "";
      sources.add(sourceRoot.isEmpty() || path.contains("://") ? path : join(sourceRoot, path));
    }
    List<String> contents = new ArrayList<>();
    for (JsonNode c : root.path("sourcesContent")) {
      contents.add(c.isTextual() ? c.textValue() : null);
    }
    List<String> names = new ArrayList<>();
    root.path("names").forEach(n -> names.add(n.asText()));
    return new SourceMap(List.copyOf(sources), contents, List.copyOf(names), decode(root.path("mappings").textValue()));
  }

  /**
   * The original position of the last mapping at or before the generated position (1-based line,
   * 0-based column, as Sentry frames carry them), or null when that line maps nothing there.
   */
  Original lookup(int line, int column) {
    if (line < 1 || line > lines.length) {
      return null;
    }
    int[] segments = lines[line - 1];
    int found = -1;
    int lo = 0;
    int hi = segments.length / 5 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (segments[mid * 5] <= column) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || segments[found * 5 + 1] < 0) {
      return null;
    }
    int s = found * 5;
    int source = segments[s + 1];
    String name = segments[s + 4] >= 0 && segments[s + 4] < names.size() ? names.get(segments[s + 4]) : null;
    return new Original(source < sources.size() ? sources.get(source) : null, segments[s + 2] + 1, segments[s + 3], name, source);
  }

  /** The original source's lines, split once per cached map; null when the map does not embed the source. */
  SourceContext context(int sourceIndex) {
    String content = content(sourceIndex);
    return content == null ? null : contexts.computeIfAbsent(sourceIndex, i -> new SourceContext(content));
  }

  /** The original source's text, or null when the map does not embed it. */
  String content(int sourceIndex) {
    return sourceIndex >= 0 && sourceIndex < sourcesContent.size() ? sourcesContent.get(sourceIndex) : null;
  }

  /** An estimate of the memory held, for the cache's weigher. */
  long weight() {
    long total = 64;
    for (int[] l : lines) {
      total += 16 + 4L * l.length;
    }
    for (String c : sourcesContent) {
      // The text, and its lines once split for context.
      total += c == null ? 0 : 4L * c.length();
    }
    return total;
  }

  private static int[][] decode(String mappings) {
    List<int[]> result = new ArrayList<>();
    int[] segment = new int[5];
    int source = 0;
    int originalLine = 0;
    int originalColumn = 0;
    int name = 0;
    int pos = 0;
    int length = mappings.length();
    while (pos <= length) {
      int end = mappings.indexOf(';', pos);
      if (end < 0) {
        end = length;
      }
      int[] line = new int[16];
      int count = 0;
      int generatedColumn = 0;
      int i = pos;
      while (i < end) {
        if (mappings.charAt(i) == ',') {
          i++;
          continue;
        }
        int fields = 0;
        while (i < end && mappings.charAt(i) != ',') {
          long value = 0;
          int shift = 0;
          boolean more;
          do {
            int digit = base64(mappings.charAt(i++));
            more = (digit & 32) != 0;
            value |= (long) (digit & 31) << shift;
            shift += 5;
          } while (more && i < end);
          int decoded = (int) ((value & 1) == 1 ? -(value >>> 1) : value >>> 1);
          if (fields < 5) {
            segment[fields] = decoded;
          }
          fields++;
        }
        generatedColumn += segment[0];
        int[] out = {generatedColumn, -1, -1, -1, -1};
        if (fields >= 4) {
          source += segment[1];
          originalLine += segment[2];
          originalColumn += segment[3];
          out[1] = source;
          out[2] = originalLine;
          out[3] = originalColumn;
          if (fields >= 5) {
            name += segment[4];
            out[4] = name;
          }
        }
        if (count + 5 > line.length) {
          line = Arrays.copyOf(line, line.length * 2);
        }
        System.arraycopy(out, 0, line, count, 5);
        count += 5;
      }
      result.add(count == 0 ? EMPTY : sortedByColumn(Arrays.copyOf(line, count)));
      pos = end + 1;
    }
    return result.toArray(new int[0][]);
  }

  /** Generators write segments in column order; sort defensively so the binary search holds for any map. */
  private static int[] sortedByColumn(int[] line) {
    for (int i = 5; i < line.length; i += 5) {
      if (line[i] < line[i - 5]) {
        Integer[] order = new Integer[line.length / 5];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (a, b) -> Integer.compare(line[a * 5], line[b * 5]));
        int[] sorted = new int[line.length];
        for (int k = 0; k < order.length; k++) {
          System.arraycopy(line, order[k] * 5, sorted, k * 5, 5);
        }
        return sorted;
      }
    }
    return line;
  }

  private static int base64(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    if (c == '/') {
      return 63;
    }
    throw new IllegalArgumentException("invalid Base64 VLQ character '" + c + "' in mappings");
  }

  private static String join(String root, String path) {
    return root.endsWith("/") ? root + path : root + "/" + path;
  }

  /** Maps may start with {@code )]}'} to defeat cross-site script inclusion; the spec says to skip that line. */
  private static byte[] stripXssiPrefix(byte[] json) {
    if (json.length > 3 && json[0] == ')' && json[1] == ']' && json[2] == '}') {
      int newline = 0;
      while (newline < json.length && json[newline] != '\n') {
        newline++;
      }
      return Arrays.copyOfRange(json, Math.min(newline + 1, json.length), json.length);
    }
    return json;
  }
}
