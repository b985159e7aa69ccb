package dev.vigil.processor.sourcemaps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.StackFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Un-minifies the JavaScript frames of an event with the source maps uploaded by sentry-cli, before
 * grouping, so that two builds of the same code group together. A frame whose map is missing stays as
 * it is; nothing here fails an event.
 */
public final class SourceMapSymbolicator {

  private static final Logger LOG = Logger.getLogger(SourceMapSymbolicator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PLATFORMS = Set.of("javascript", "node");

  private final SourceMapFinder finder;

  SourceMapSymbolicator(SourceMapFinder finder) {
    this.finder = finder;
  }

  /** The event with its minified frames mapped to their sources, or the event itself when none could be. */
  public Event symbolicate(Event event) {
    if (!PLATFORMS.contains(event.platform()) || event.exceptions().stream().noneMatch(SourceMapSymbolicator::hasMinifiedFrame)) {
      return event;
    }
    try {
      return rewrite(event);
    } catch (RuntimeException e) {
      LOG.warnf("source maps not applied to event %s of project %d: %s", event.eventId(), event.projectId(), e.toString());
      return event;
    }
  }

  private Event rewrite(Event event) throws RuntimeException {
    ObjectNode payload = parse(event.payload());
    JsonNode values = payload.path("exception").path("values");
    if (!(values instanceof ArrayNode jsonValues) || jsonValues.size() != event.exceptions().size()) {
      return event;
    }
    Map<String, String> debugIds = debugIds(payload);
    String dist = payload.path("dist").isTextual() ? payload.path("dist").textValue() : null;
    Map<String, LocatedMap> maps = new HashMap<>();
    boolean changed = false;
    List<ExceptionValue> exceptions = new ArrayList<>();
    for (int i = 0; i < event.exceptions().size(); i++) {
      ExceptionValue exception = event.exceptions().get(i);
      JsonNode jsonFrames = jsonValues.get(i).path("stacktrace").path("frames");
      if (!(jsonFrames instanceof ArrayNode frameArray) || frameArray.size() != exception.frames().size()) {
        exceptions.add(exception);
        continue;
      }
      List<StackFrame> frames = new ArrayList<>();
      for (int j = 0; j < exception.frames().size(); j++) {
        StackFrame frame = exception.frames().get(j);
        String path = JavaScriptFrames.minifiedPath(frame);
        LocatedMap map = path == null ? null
            : maps.computeIfAbsent(path, p -> find(event, dist, debugIds, frame, p));
        JavaScriptFrames.Rewritten rewritten =
            map == null ? null : JavaScriptFrames.rewrite(frame, (ObjectNode) frameArray.get(j), map);
        frames.add(rewritten == null ? frame : rewritten.frame());
        changed |= rewritten != null;
      }
      exceptions.add(new ExceptionValue(exception.type(), exception.value(), exception.module(),
          exception.mechanism(), exception.handled(), frames));
    }
    if (!changed) {
      return event;
    }
    return new Event(event.eventId(), event.projectId(), event.timestamp(), event.receivedAt(), event.platform(),
        event.level(), event.logger(), event.transaction(), event.release(), event.environment(), event.serverName(),
        event.message(), exceptions, event.tags(), event.user(), event.traceId(), event.spanId(), event.fingerprint(),
        event.sdkName(), event.sdkVersion(), serialize(payload));
  }

  /** Debug id first (exact, needs no release), then release and URL, as Sentry resolves artifacts. */
  private LocatedMap find(Event event, String dist, Map<String, String> debugIds, StackFrame frame, String path) {
    String debugId = debugIds.get(path);
    if (debugId == null && frame.filename() != null) {
      debugId = debugIds.get(frame.filename());
    }
    if (debugId != null) {
      LocatedMap map = finder.byDebugId(event.projectId(), debugId);
      if (map != null) {
        return map;
      }
    }
    return event.release() == null ? null : finder.byUrl(event.projectId(), event.release(), dist, path);
  }

  /** {@code debug_meta.images} of type sourcemap: the minified file (code_file) → its debug id. */
  private static Map<String, String> debugIds(ObjectNode payload) {
    Map<String, String> ids = new HashMap<>();
    for (JsonNode image : payload.path("debug_meta").path("images")) {
      if ("sourcemap".equals(image.path("type").asText()) && image.path("code_file").isTextual()
          && image.path("debug_id").isTextual()) {
        ids.put(image.path("code_file").textValue(), image.path("debug_id").textValue());
      }
    }
    return ids;
  }

  private static boolean hasMinifiedFrame(ExceptionValue exception) {
    return exception.frames().stream().anyMatch(f -> JavaScriptFrames.minifiedPath(f) != null);
  }

  private static ObjectNode parse(String payload) {
    try {
      return (ObjectNode) JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("normalized payload is not JSON", e);
    }
  }

  private static String serialize(ObjectNode payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize symbolicated event", e);
    }
  }
}
