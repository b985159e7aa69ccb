package dev.vigil.sentry.grouping;

import static dev.vigil.sentry.grouping.GroupingComponent.group;
import static dev.vigil.sentry.grouping.GroupingComponent.leaf;

import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a custom fingerprint: {@code {{ default }}} stands for the default grouping components,
 * other {@code {{ variables }}} are replaced by values of the event, as in Sentry.
 */
final class Fingerprints {

  private static final Pattern DEFAULT = Pattern.compile("\\{\\{\\s*default\\s*\\}\\}");

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([\\w.-]+)\\s*\\}\\}");

  private Fingerprints() {}

  /** True when the fingerprint changes grouping (it is not absent nor just {@code {{ default }}}). */
  static boolean isCustom(List<String> fingerprint) {
    return !fingerprint.isEmpty()
        && !(fingerprint.size() == 1 && DEFAULT.matcher(fingerprint.get(0).strip()).matches());
  }

  /** The fingerprint component, with the default components expanded where the fingerprint asks. */
  static GroupingComponent resolve(Event event, Supplier<List<GroupingComponent>> defaults) {
    List<GroupingComponent> parts = new ArrayList<>();
    for (String entry : event.fingerprint()) {
      if (DEFAULT.matcher(entry.strip()).matches()) {
        parts.add(group("default", defaults.get()).withHint("{{ default }}: the default grouping"));
      } else {
        parts.add(leaf("fingerprint-entry", substitute(entry, event)));
      }
    }
    return group("fingerprint", parts).withHint("custom fingerprint sent by the SDK");
  }

  private static String substitute(String entry, Event event) {
    Matcher m = VARIABLE.matcher(entry);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), event, m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String value(String variable, Event event, String literal) {
    ExceptionValue main = event.mainException();
    StackFrame frame = main == null ? null : Titles.topFrame(main);
    return switch (variable) {
      case "type", "error.type" -> orElse(main == null ? null : main.type(), "<no-type>");
      case "value", "error.value" -> orElse(main == null ? null : main.value(), "<no-value>");
      case "function", "stack.function" -> orElse(frame == null ? null : frame.function(), "<no-function>");
      case "module", "stack.module" -> orElse(frame == null ? null : frame.module(), "<no-module>");
      case "transaction" -> orElse(event.transaction(), "<no-transaction>");
      case "level" -> event.level().wireName();
      case "message" -> orElse(event.message(), "<no-message>");
      case "release" -> orElse(event.release(), "<no-release>");
      default -> {
        if (variable.startsWith("tags.")) {
          String tag = variable.substring("tags.".length());
          yield orElse(event.tags().get(tag), "<no-value-for-tag-" + tag + ">");
        }
        yield literal;
      }
    };
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
