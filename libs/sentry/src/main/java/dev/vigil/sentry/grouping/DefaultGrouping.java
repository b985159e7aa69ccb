package dev.vigil.sentry.grouping;

import static dev.vigil.sentry.grouping.GroupingComponent.group;
import static dev.vigil.sentry.grouping.GroupingComponent.ignored;
import static dev.vigil.sentry.grouping.GroupingComponent.leaf;

import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentry's default grouping: the exception chain (types plus in-app frames, or all frames when no
 * frame is in-app; values only when no stack contributes), else the parameterized message.
 */
final class DefaultGrouping {

  /** The components and the rule that produced them. */
  record Outcome(String variant, List<GroupingComponent> components) {}

  private DefaultGrouping() {}

  static Outcome of(Event event, String messageTemplate) {
    if (!event.exceptions().isEmpty()) {
      Outcome exceptions = exceptions(event);
      if (exceptions.components().stream().anyMatch(GroupingComponent::contributes)) {
        return exceptions;
      }
    }
    String message = messageTemplate != null ? messageTemplate : event.message();
    if (message != null && !message.isBlank()) {
      GroupingComponent component = leaf("message", MessageParameterizer.parameterize(message.strip()));
      if (messageTemplate != null) {
        component = component.withHint("the unformatted template (params are variable)");
      }
      return new Outcome("message", List.of(component));
    }
    return new Outcome("fallback", List.of(ignored("fallback", null, "event has no exception, stack trace or message")));
  }

  private static Outcome exceptions(Event event) {
    boolean appOnly =
        event.exceptions().stream().flatMap(e -> e.frames().stream()).anyMatch(FrameGrouping::isAppFrame);
    List<GroupingComponent> chain = new ArrayList<>();
    for (ExceptionValue exception : event.exceptions()) {
      chain.add(exception(exception, event.platform(), appOnly));
    }
    GroupingComponent component =
        chain.size() == 1 ? chain.get(0) : group("chained-exception", chain);
    return new Outcome(appOnly ? "app" : "system", List.of(component));
  }

  private static GroupingComponent exception(ExceptionValue exception, String platform, boolean appOnly) {
    List<GroupingComponent> parts = new ArrayList<>();
    parts.add(exception.type() == null ? ignored("type", null, "no type") : leaf("type", exception.type()));
    GroupingComponent stacktrace = FrameGrouping.stacktrace(exception.frames(), platform, appOnly);
    if (!exception.frames().isEmpty()) {
      parts.add(stacktrace);
    }
    if (exception.value() != null) {
      String value = MessageParameterizer.parameterize(exception.value());
      parts.add(
          stacktrace.contributes()
              ? ignored("value", value, "ignored because the stack trace takes precedence")
              : leaf("value", value));
    }
    return group("exception", parts);
  }
}
