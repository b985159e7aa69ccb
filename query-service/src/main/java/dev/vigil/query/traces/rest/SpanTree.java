package dev.vigil.query.traces.rest;

import dev.vigil.domain.telemetry.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a trace's spans depth-first (siblings by start time) and gives each its depth and children.
 * Spans whose parent is not stored (lost, or not arrived yet) start their own subtree at depth 0.
 */
final class SpanTree {

  private SpanTree() {}

  static List<SpanJson> flatten(List<Span> spans) {
    Comparator<Span> byStart = Comparator.comparing(Span::start).thenComparing(Span::spanId);
    Map<String, Span> byId = new LinkedHashMap<>();
    spans.forEach(s -> byId.putIfAbsent(s.spanId(), s));
    Map<String, List<Span>> children = new HashMap<>();
    List<Span> roots = new ArrayList<>();
    for (Span s : byId.values()) {
      if (!s.isRoot() && byId.containsKey(s.parentSpanId()) && !s.parentSpanId().equals(s.spanId())) {
        children.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(s);
      } else {
        roots.add(s);
      }
    }
    children.values().forEach(c -> c.sort(byStart));
    roots.sort(byStart);
    List<SpanJson> ordered = new ArrayList<>(byId.size());
    Set<String> visited = new HashSet<>();
    // An explicit stack, so a deep trace cannot overflow the thread's stack.
    Deque<Object[]> stack = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.push(new Object[] {roots.get(i), 0});
    }
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      Span s = (Span) top[0];
      int depth = (Integer) top[1];
      if (!visited.add(s.spanId())) {
        continue;
      }
      List<Span> kids = children.getOrDefault(s.spanId(), List.of());
      ordered.add(json(s, depth, !s.isRoot() && depth == 0, kids.stream().map(Span::spanId).toList()));
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(new Object[] {kids.get(i), depth + 1});
      }
    }
    // Parent cycles (corrupt ids) leave spans unreached; list them rather than drop them.
    byId.values().stream()
        .filter(s -> !visited.contains(s.spanId()))
        .sorted(byStart)
        .forEach(s -> ordered.add(json(s, 0, true, List.of())));
    return ordered;
  }

  private static SpanJson json(Span s, int depth, boolean orphan, List<String> childIds) {
    return new SpanJson(
        s.traceId(),
        s.spanId(),
        s.isRoot() ? null : s.parentSpanId(),
        depth,
        orphan,
        childIds,
        s.serviceName(),
        s.name(),
        s.kind().wireName(),
        s.statusCode().wireName(),
        s.statusMessage().isEmpty() ? null : s.statusMessage(),
        s.start(),
        s.end(),
        s.durationNanos() / 1e6,
        s.durationNanos(),
        s.traceState().isEmpty() ? null : s.traceState(),
        s.scopeName().isEmpty() ? null : s.scopeName(),
        s.scopeVersion().isEmpty() ? null : s.scopeVersion(),
        s.attributes(),
        s.resourceAttributes(),
        s.events().stream().map(e -> new SpanJson.Event(e.timestamp(), e.name(), e.attributes())).toList(),
        s.links().stream().map(l -> new SpanJson.Link(l.traceId(), l.spanId(), l.traceState(), l.attributes())).toList(),
        s.source().wireName());
  }
}
