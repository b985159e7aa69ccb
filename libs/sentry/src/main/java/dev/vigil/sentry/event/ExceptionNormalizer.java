package dev.vigil.sentry.event;

import static dev.vigil.sentry.event.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes the exception chain: {@code exception} as {@code {values: [...]}} or a bare list, with
 * the legacy top-level {@code stacktrace} and the crashed thread's stack filled in where the
 * exception itself has none, as Relay does.
 */
final class ExceptionNormalizer {

  /** "ZeroDivisionError: division by zero" sent as a value without a type. */
  private static final Pattern TYPE_IN_VALUE = Pattern.compile("^([A-Za-z_$][\\w.$]*): (.*)", Pattern.DOTALL);

  private ExceptionNormalizer() {}

  /** Normalizes {@code event.exception} in place and returns the chain, root cause first. */
  static List<ExceptionValue> normalize(ObjectNode event, String platform) {
    List<ObjectNode> raw = rawValues(event.get("exception"));
    if (raw.isEmpty()) {
      event.remove("exception");
      return List.of();
    }
    fillMissingStacktrace(event, raw);

    List<ExceptionValue> chain = new ArrayList<>();
    ArrayNode cleaned = NODES.arrayNode();
    for (ObjectNode value : raw) {
      ExceptionValue normalized = normalizeOne(value, platform);
      if (normalized != null) {
        chain.add(normalized);
        cleaned.add(value);
      }
    }
    if (chain.isEmpty()) {
      event.remove("exception");
      return List.of();
    }
    ObjectNode exception = NODES.objectNode();
    exception.set("values", cleaned);
    event.set("exception", exception);
    return chain;
  }

  private static List<ObjectNode> rawValues(JsonNode node) {
    JsonNode values = node;
    if (node instanceof ObjectNode object) {
      values = object.has("values") ? object.get("values") : NODES.arrayNode().add(object);
    }
    List<ObjectNode> out = new ArrayList<>();
    if (values instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (element instanceof ObjectNode object) {
          out.add(object.deepCopy());
        }
      }
    }
    return out;
  }

  /** Old SDKs put the stack at the top level; native and Java SDKs may put it on the crashed thread. */
  private static void fillMissingStacktrace(ObjectNode event, List<ObjectNode> raw) {
    ObjectNode main = raw.get(raw.size() - 1);
    if (hasFrames(main.get("stacktrace"))) {
      return;
    }
    if (raw.size() == 1 && hasFrames(event.get("stacktrace"))) {
      main.set("stacktrace", event.get("stacktrace"));
      event.remove("stacktrace");
      return;
    }
    JsonNode thread = threadFor(event.get("threads"), main.get("thread_id"));
    if (thread != null) {
      main.set("stacktrace", thread.get("stacktrace").deepCopy());
    }
  }

  private static JsonNode threadFor(JsonNode threadsNode, JsonNode threadId) {
    JsonNode threads = threadsNode instanceof ObjectNode o ? o.get("values") : threadsNode;
    if (!(threads instanceof ArrayNode array)) {
      return null;
    }
    JsonNode crashed = null;
    JsonNode current = null;
    for (JsonNode thread : array) {
      if (!hasFrames(thread.get("stacktrace"))) {
        continue;
      }
      if (threadId != null && !threadId.isNull() && threadId.asText().equals(thread.path("id").asText(null))) {
        return thread;
      }
      if (crashed == null && Boolean.TRUE.equals(JsonValues.bool(thread.get("crashed")))) {
        crashed = thread;
      }
      if (current == null && Boolean.TRUE.equals(JsonValues.bool(thread.get("current")))) {
        current = thread;
      }
    }
    return crashed != null ? crashed : current;
  }

  private static boolean hasFrames(JsonNode stacktrace) {
    return stacktrace != null && stacktrace.get("frames") instanceof ArrayNode frames && !frames.isEmpty();
  }

  private static ExceptionValue normalizeOne(ObjectNode value, String platform) {
    String type = JsonValues.text(value, "type");
    String text = JsonValues.text(value, "value");
    if (type == null && text != null) {
      Matcher m = TYPE_IN_VALUE.matcher(text);
      if (m.matches()) {
        type = m.group(1);
        text = m.group(2).isBlank() ? null : m.group(2);
      }
    }
    String module = JsonValues.text(value, "module");
    FrameNormalizer.Frames frames = FrameNormalizer.normalize(value.get("stacktrace"), platform);
    if (type == null && text == null && frames == null) {
      return null;
    }
    JsonValues.putOrRemove(value, "type", type);
    JsonValues.putOrRemove(value, "value", text);
    JsonValues.putOrRemove(value, "module", module);
    if (frames == null) {
      value.remove("stacktrace");
    } else {
      value.set("stacktrace", frames.stacktrace());
    }
    String mechanismType = null;
    Boolean handled = null;
    if (value.get("mechanism") instanceof ObjectNode mechanism) {
      mechanismType = JsonValues.text(mechanism, "type");
      handled = JsonValues.bool(mechanism.get("handled"));
    } else {
      value.remove("mechanism");
    }
    List<StackFrame> frameList = frames == null ? List.of() : frames.frames();
    return new ExceptionValue(type, text, module, mechanismType, handled, frameList);
  }
}
