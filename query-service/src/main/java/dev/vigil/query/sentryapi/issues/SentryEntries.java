package dev.vigil.query.sentryapi.issues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The {@code entries} of a Sentry event (exception, message, breadcrumbs, request, threads) built
 * from the stored payload, which keeps Sentry's ingestion schema (snake_case, context lines apart):
 * the API renames to camelCase and joins {@code pre_context}, {@code context_line} and {@code
 * post_context} into {@code context: [[lineNo, line], ...]}, which tools read.
 */
final class SentryEntries {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SentryEntries() {}

  static ArrayNode of(JsonNode payload) {
    ArrayNode entries = NODES.arrayNode();
    JsonNode exception = values(payload.get("exception"));
    if (exception.size() > 0) {
      ArrayNode values = NODES.arrayNode();
      boolean systemFrames = false;
      for (JsonNode e : exception) {
        ObjectNode value = NODES.objectNode();
        value.set("type", e.get("type"));
        value.set("value", e.get("value"));
        value.set("module", e.get("module"));
        value.set("mechanism", e.get("mechanism"));
        value.set("threadId", e.get("thread_id"));
        ObjectNode stacktrace = stacktrace(e.get("stacktrace"));
        value.set("stacktrace", stacktrace);
        value.putNull("rawStacktrace");
        systemFrames |= stacktrace != null && stacktrace.path("hasSystemFrames").asBoolean();
        values.add(value);
      }
      ObjectNode data = entry(entries, "exception");
      data.set("values", values);
      data.put("hasSystemFrames", systemFrames);
      data.putNull("excOmitted");
    }
    JsonNode logentry = payload.get("logentry");
    if (logentry instanceof ObjectNode log) {
      ObjectNode data = entry(entries, "message");
      data.set("formatted", log.get("formatted"));
      data.set("message", log.get("message"));
      data.set("params", log.get("params"));
    }
    JsonNode threads = values(payload.get("threads"));
    if (threads.size() > 0) {
      ArrayNode values = NODES.arrayNode();
      for (JsonNode t : threads) {
        ObjectNode thread = NODES.objectNode();
        thread.set("id", t.get("id"));
        thread.set("name", t.get("name"));
        thread.put("crashed", t.path("crashed").asBoolean());
        thread.put("current", t.path("current").asBoolean());
        thread.set("stacktrace", stacktrace(t.get("stacktrace")));
        values.add(thread);
      }
      entry(entries, "threads").set("values", values);
    }
    JsonNode crumbs = values(payload.get("breadcrumbs"));
    if (crumbs.size() > 0) {
      ArrayNode values = NODES.arrayNode();
      for (JsonNode c : crumbs) {
        ObjectNode crumb = NODES.objectNode();
        crumb.put("type", c.path("type").asText("default"));
        crumb.set("category", c.get("category"));
        crumb.put("level", c.path("level").asText("info"));
        crumb.set("message", c.get("message"));
        crumb.set("data", c.get("data"));
        crumb.put("timestamp", c.path("timestamp").isNumber() ? isoSeconds(c.get("timestamp")) : c.path("timestamp").asText(null));
        crumb.set("event_id", c.get("event_id"));
        values.add(crumb);
      }
      entry(entries, "breadcrumbs").set("values", values);
    }
    if (payload.get("request") instanceof ObjectNode request) {
      ObjectNode data = entry(entries, "request");
      data.set("url", request.get("url"));
      data.set("method", request.get("method"));
      data.set("query", pairs(request.get("query_string")));
      data.set("fragment", request.get("fragment"));
      data.set("data", request.get("data"));
      data.set("headers", pairs(request.get("headers")));
      data.set("cookies", pairs(request.get("cookies")));
      data.set("env", request.get("env"));
      data.set("inferredContentType", request.get("inferred_content_type"));
      data.putNull("apiTarget");
    }
    return entries;
  }

  /** The last exception: the one finally raised, which names the event. */
  static JsonNode raisedException(JsonNode payload) {
    JsonNode values = values(payload.get("exception"));
    return values.size() == 0 ? null : values.get(values.size() - 1);
  }

  /** Float epoch seconds (how the payload keeps times) as an ISO-8601 instant. */
  static String isoSeconds(JsonNode seconds) {
    BigDecimal s = seconds.decimalValue();
    long whole = s.longValue();
    long nanos = s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos).toString();
  }

  private static ObjectNode stacktrace(JsonNode source) {
    if (!(source instanceof ObjectNode st)) {
      return null;
    }
    ArrayNode frames = NODES.arrayNode();
    boolean inApp = false;
    boolean notInApp = false;
    for (JsonNode f : st.path("frames")) {
      ObjectNode frame = frame(f);
      inApp |= frame.path("inApp").asBoolean();
      notInApp |= !frame.path("inApp").asBoolean();
      frames.add(frame);
    }
    ObjectNode out = NODES.objectNode();
    out.set("frames", frames);
    out.set("framesOmitted", st.get("frames_omitted"));
    out.set("registers", st.get("registers"));
    out.put("hasSystemFrames", inApp && notInApp);
    return out;
  }

  private static ObjectNode frame(JsonNode f) {
    ObjectNode frame = NODES.objectNode();
    frame.set("filename", f.get("filename"));
    frame.set("absPath", f.get("abs_path"));
    frame.set("module", f.get("module"));
    frame.set("package", f.get("package"));
    frame.set("platform", f.get("platform"));
    frame.set("instructionAddr", f.get("instruction_addr"));
    frame.set("symbolAddr", f.get("symbol_addr"));
    frame.set("function", f.get("function"));
    frame.set("rawFunction", f.get("raw_function"));
    frame.set("symbol", f.get("symbol"));
    frame.set("context", context(f));
    frame.set("lineNo", f.get("lineno"));
    frame.set("colNo", f.get("colno"));
    boolean inApp = f.path("in_app").asBoolean(false);
    frame.put("inApp", inApp);
    // Not in Sentry's answer, but some tools (sentry-selfhosted-mcp's get_stack_frames) read this name.
    frame.put("in_app", inApp);
    frame.putNull("trust");
    frame.putNull("errors");
    frame.set("vars", f.get("vars"));
    return frame;
  }

  /** {@code [[lineNo, line], ...]} around the frame's line, as Sentry shows source context. */
  private static ArrayNode context(JsonNode f) {
    ArrayNode context = NODES.arrayNode();
    JsonNode line = f.get("context_line");
    if (line == null || !line.isTextual() || !f.path("lineno").canConvertToLong()) {
      return context;
    }
    long lineNo = f.get("lineno").asLong();
    JsonNode pre = f.path("pre_context");
    for (int i = 0; i < pre.size(); i++) {
      context.addArray().add(lineNo - pre.size() + i).add(pre.get(i).asText());
    }
    context.addArray().add(lineNo).add(line.asText());
    JsonNode post = f.path("post_context");
    for (int i = 0; i < post.size(); i++) {
      context.addArray().add(lineNo + 1 + i).add(post.get(i).asText());
    }
    return context;
  }

  /** Pairs stay pairs; an object becomes its entries as pairs; a query string is split. */
  private static JsonNode pairs(JsonNode source) {
    ArrayNode pairs = NODES.arrayNode();
    if (source == null || source.isNull()) {
      return pairs;
    }
    if (source.isArray()) {
      return source;
    }
    if (source.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        pairs.addArray().add(e.getKey()).add(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
      return pairs;
    }
    for (String part : source.asText().replaceFirst("^\\?", "").split("&")) {
      if (!part.isEmpty()) {
        int eq = part.indexOf('=');
        pairs.addArray().add(eq < 0 ? part : part.substring(0, eq)).add(eq < 0 ? "" : part.substring(eq + 1));
      }
    }
    return pairs;
  }

  private static JsonNode values(JsonNode node) {
    JsonNode values = node instanceof ObjectNode o ? o.get("values") : node;
    return values instanceof ArrayNode ? values : NODES.arrayNode();
  }

  private static ObjectNode entry(ArrayNode entries, String type) {
    ObjectNode entry = entries.addObject();
    ObjectNode data = NODES.objectNode();
    entry.set("data", data);
    entry.put("type", type);
    return data;
  }
}
