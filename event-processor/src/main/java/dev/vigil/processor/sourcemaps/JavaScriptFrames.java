package dev.vigil.processor.sourcemaps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.StackFrame;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites one minified JavaScript frame to its original location, in both shapes Vigil keeps a frame
 * in: the {@link StackFrame} that grouping reads and the payload's JSON frame that is stored. The
 * minified values stay in the JSON frame's {@code data} ({@code orig_*}, {@code sourcemap}), as Sentry
 * keeps them.
 */
final class JavaScriptFrames {

  private JavaScriptFrames() {}

  /** A frame rewritten in both shapes. */
  record Rewritten(StackFrame frame, ObjectNode json) {}

  /** The path a frame's source map is looked up by, or null when the frame is not minified-JavaScript-like. */
  static String minifiedPath(StackFrame frame) {
    String path = frame.absPath() != null ? frame.absPath() : frame.filename();
    if (path == null || frame.lineno() == null || frame.colno() == null) {
      return null;
    }
    String bare = path.replaceFirst("[?#].*$", "").toLowerCase(Locale.ROOT);
    return bare.endsWith(".js") || bare.endsWith(".mjs") || bare.endsWith(".cjs") ? path : null;
  }

  /** The frame at its original position, or null when the map does not cover the minified one. */
  static Rewritten rewrite(StackFrame frame, ObjectNode json, LocatedMap located) {
    SourceMap.Original original = located.map().lookup(frame.lineno(), frame.colno() - 1);
    if (original == null || original.source() == null) {
      return null;
    }
    String minifiedPath = minifiedPath(frame);
    String filename = displayName(original.source());
    String absPath = resolve(minifiedPath, original.source());
    String module = frame.module() == null ? null : module(filename);
    int lineno = original.line();
    int colno = original.column() + 1;
    String function = frame.function();
    String contextLine = null;
    List<String> pre = List.of();
    List<String> post = List.of();
    SourceContext source = located.map().context(original.sourceIndex());
    if (source != null) {
      contextLine = source.line(lineno);
      pre = source.before(lineno);
      post = source.after(lineno);
      String enclosing = source.enclosingFunction(lineno);
      if (enclosing != null) {
        function = enclosing;
      }
    }
    boolean inApp = frame.inApp() && !original.source().contains("/node_modules/");

    ObjectNode data = json.has("data") && json.get("data").isObject() ? (ObjectNode) json.get("data") : json.putObject("data");
    data.put("sourcemap", located.name());
    data.put("resolved_with", located.resolvedWith());
    data.put("symbolicated", true);
    putOriginal(data, "orig_filename", frame.filename());
    putOriginal(data, "orig_abs_path", frame.absPath());
    putOriginal(data, "orig_module", frame.module());
    putOriginal(data, "orig_function", frame.function());
    data.put("orig_lineno", frame.lineno());
    data.put("orig_colno", frame.colno());
    data.put("orig_in_app", frame.inApp());

    json.put("filename", filename);
    json.put("abs_path", absPath);
    if (module != null) {
      json.put("module", module);
    }
    putOrRemove(json, "function", function);
    json.put("lineno", lineno);
    json.put("colno", colno);
    json.put("in_app", inApp);
    putOrRemove(json, "context_line", contextLine);
    putLines(json, "pre_context", pre);
    putLines(json, "post_context", post);
    StackFrame rewritten = new StackFrame(
        filename, absPath, module, function, lineno, colno, contextLine, pre, post, inApp, frame.platform());
    return new Rewritten(rewritten, json);
  }

  /** {@code webpack://app/./src/a.js} → {@code ./src/a.js}: the path a developer recognises. */
  static String displayName(String source) {
    String name = source.replaceFirst("^webpack://[^/]*/", "").replaceFirst("^webpack:/*", "");
    return name.isEmpty() ? source : name;
  }

  /** A relative source resolved against the minified file's location (URL or path), as Sentry shows it. */
  static String resolve(String minifiedPath, String source) {
    if (source.contains("://") || source.startsWith("/") || minifiedPath == null) {
      return source;
    }
    String base = minifiedPath.replaceFirst("[?#].*$", "");
    int slash = base.lastIndexOf('/');
    if (slash < 0) {
      return source;
    }
    String joined = base.substring(0, slash + 1) + source;
    String prefix = "";
    int scheme = joined.indexOf("://");
    if (scheme >= 0) {
      int pathStart = joined.indexOf('/', scheme + 3);
      if (pathStart < 0) {
        return joined;
      }
      prefix = joined.substring(0, pathStart);
      joined = joined.substring(pathStart);
    }
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : joined.split("/", -1)) {
      if (part.equals("..")) {
        if (parts.size() > 1) {
          parts.removeLast();
        }
      } else if (!part.equals(".")) {
        parts.addLast(part);
      }
    }
    return prefix + String.join("/", parts);
  }

  /** The module a JavaScript SDK would report for the original file: its path without dots and extension. */
  static String module(String filename) {
    String path = filename.replaceFirst("[?#].*$", "").replaceAll("^(\\.{1,2}/)+", "").replaceFirst("^/+", "");
    int nodeModules = path.lastIndexOf("node_modules/");
    if (nodeModules >= 0) {
      path = path.substring(nodeModules + "node_modules/".length());
    }
    return path.replaceFirst("\\.[A-Za-z0-9]+$", "");
  }

  private static void putOriginal(ObjectNode data, String field, String value) {
    if (value != null) {
      data.put(field, value);
    }
  }

  private static void putOrRemove(ObjectNode json, String field, String value) {
    if (value == null) {
      json.remove(field);
    } else {
      json.put(field, value);
    }
  }

  private static void putLines(ObjectNode json, String field, List<String> lines) {
    if (lines.isEmpty()) {
      json.remove(field);
    } else {
      ArrayNode array = json.putArray(field);
      lines.forEach(array::add);
    }
  }
}
