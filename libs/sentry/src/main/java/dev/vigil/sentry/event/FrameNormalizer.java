package dev.vigil.sentry.event;

import static dev.vigil.sentry.event.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.StackFrame;
import java.util.ArrayList;
import java.util.List;

/** Cleans {@code stacktrace.frames} and decides {@code in_app} for each frame. */
final class FrameNormalizer {

  /** Minified bundles put a whole program on one line; keep enough to recognise it. */
  static final int MAX_CONTEXT_LINE = 1024;

  private FrameNormalizer() {}

  /** Frames of a normalized stacktrace, plus the cleaned JSON written back into {@code stacktrace}. */
  record Frames(List<StackFrame> frames, ObjectNode stacktrace) {}

  /** Normalizes a stacktrace object; null when it holds no usable frame. */
  static Frames normalize(JsonNode stacktraceNode, String eventPlatform) {
    ObjectNode stacktrace = JsonValues.object(stacktraceNode);
    if (stacktrace == null || !(stacktrace.get("frames") instanceof ArrayNode rawFrames)) {
      return null;
    }
    List<StackFrame> frames = new ArrayList<>();
    ArrayNode cleaned = NODES.arrayNode();
    for (JsonNode raw : rawFrames) {
      if (raw instanceof ObjectNode frameNode) {
        ObjectNode copy = frameNode.deepCopy();
        frames.add(normalizeFrame(copy, eventPlatform));
        cleaned.add(copy);
      }
    }
    if (frames.isEmpty()) {
      return null;
    }
    ObjectNode out = stacktrace.deepCopy();
    out.set("frames", cleaned);
    return new Frames(frames, out);
  }

  private static StackFrame normalizeFrame(ObjectNode frame, String eventPlatform) {
    String absPath = JsonValues.text(frame, "abs_path");
    String filename = JsonValues.text(frame, "filename");
    if (filename == null) {
      // Relay fills the filename from abs_path so every frame has something to show.
      filename = absPath;
    }
    String module = JsonValues.text(frame, "module");
    String function = JsonValues.text(frame, "function");
    String platform = JsonValues.text(frame, "platform");
    Integer lineno = JsonValues.integer(frame.get("lineno"));
    Integer colno = JsonValues.integer(frame.get("colno"));
    String contextLine = contextLine(frame.get("context_line"));
    List<String> pre = contextLines(frame.get("pre_context"));
    List<String> post = contextLines(frame.get("post_context"));

    Boolean sdkInApp = JsonValues.bool(frame.get("in_app"));
    String effectivePlatform = platform != null ? platform : eventPlatform;
    boolean inApp =
        sdkInApp != null ? sdkInApp : !InAppRules.isLibrary(effectivePlatform, module, filename, absPath);

    JsonValues.putOrRemove(frame, "filename", filename);
    JsonValues.putOrRemove(frame, "abs_path", absPath);
    JsonValues.putOrRemove(frame, "module", module);
    JsonValues.putOrRemove(frame, "function", function);
    JsonValues.putOrRemove(frame, "platform", platform);
    JsonValues.putOrRemove(frame, "context_line", contextLine);
    putIntOrRemove(frame, "lineno", lineno);
    putIntOrRemove(frame, "colno", colno);
    putLinesOrRemove(frame, "pre_context", pre);
    putLinesOrRemove(frame, "post_context", post);
    frame.put("in_app", inApp);
    if (frame.has("vars") && !frame.get("vars").isObject()) {
      frame.remove("vars");
    }
    return new StackFrame(
        filename, absPath, module, function, lineno, colno, contextLine, pre, post, inApp, platform);
  }

  private static String contextLine(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    // Context lines keep their indentation for display; only trailing whitespace is noise.
    return JsonValues.cap(node.textValue().stripTrailing(), MAX_CONTEXT_LINE);
  }

  private static List<String> contextLines(JsonNode node) {
    List<String> lines = new ArrayList<>();
    if (node instanceof ArrayNode array) {
      for (JsonNode line : array) {
        lines.add(line.isTextual() ? JsonValues.cap(line.textValue().stripTrailing(), MAX_CONTEXT_LINE) : "");
      }
    }
    return lines;
  }

  private static void putIntOrRemove(ObjectNode frame, String field, Integer value) {
    if (value == null) {
      frame.remove(field);
    } else {
      frame.put(field, value);
    }
  }

  private static void putLinesOrRemove(ObjectNode frame, String field, List<String> lines) {
    if (lines.isEmpty()) {
      frame.remove(field);
    } else {
      ArrayNode array = frame.putArray(field);
      lines.forEach(array::add);
    }
  }
}
