package dev.vigil.sentry.grouping;

import static dev.vigil.sentry.grouping.GroupingComponent.group;
import static dev.vigil.sentry.grouping.GroupingComponent.ignored;
import static dev.vigil.sentry.grouping.GroupingComponent.leaf;

import dev.vigil.domain.StackFrame;
import dev.vigil.sentry.event.InAppRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns stack frames into grouping components: module (or file basename), normalized function and,
 * for interpreted platforms, the source line. Line numbers are never used, so a line shift does not
 * split an issue.
 */
final class FrameGrouping {

  /** Platforms whose SDKs send source context reliably; a source line identifies a call site better than a line number. */
  private static final Set<String> CONTEXT_LINE_PLATFORMS = Set.of("javascript", "node", "python", "ruby", "php");

  private static final Set<String> JAVASCRIPT = Set.of("javascript", "node");

  /** Longer source lines are minified code or generated: not a stable identity. */
  static final int MAX_CONTEXT_LINE = 120;

  private FrameGrouping() {}

  /** True when the frame may identify the application's code: in-app and not the SDK's own. */
  static boolean isAppFrame(StackFrame frame) {
    return frame.inApp() && !isSdkFrame(frame);
  }

  static boolean isSdkFrame(StackFrame frame) {
    return InAppRules.isSdkInternal(frame.module(), frame.filename(), frame.absPath());
  }

  /** The stacktrace component: with {@code appOnly} only in-app frames contribute. */
  static GroupingComponent stacktrace(List<StackFrame> frames, String eventPlatform, boolean appOnly) {
    List<GroupingComponent> components = new ArrayList<>();
    String previous = null;
    for (StackFrame frame : frames) {
      GroupingComponent component = frame(frame, eventPlatform);
      if (isSdkFrame(frame)) {
        component = component.withoutContribution("Sentry SDK frame");
      } else if (FunctionNames.isGeneratedClass(frame.module())) {
        // Whether these frames appear depends on JVM flags and AOP configuration, not on the bug.
        component = component.withoutContribution("generated proxy or lambda class");
      } else if (appOnly && !frame.inApp()) {
        component = component.withoutContribution("non app frame");
      }
      if (component.contributes()) {
        StringBuilder identity = new StringBuilder();
        component.appendHashInput(identity);
        if (identity.toString().equals(previous)) {
          component = component.withoutContribution("ignored due to recursion");
        }
        previous = identity.toString();
      }
      components.add(component);
    }
    return group("stacktrace", components);
  }

  static GroupingComponent frame(StackFrame frame, String eventPlatform) {
    String platform = frame.platform() != null ? frame.platform() : eventPlatform;
    List<GroupingComponent> parts = new ArrayList<>();
    String module = FunctionNames.normalizeClassName(frame.module());
    if (module != null) {
      parts.add(leaf("module", module));
    } else {
      String filename = Filenames.basename(frame.filename() != null ? frame.filename() : frame.absPath());
      parts.add(filename == null ? ignored("filename", null, "no filename") : leaf("filename", filename));
    }

    GroupingComponent contextLine = contextLine(frame, platform);
    if (contextLine != null) {
      parts.add(contextLine);
    }
    String function = FunctionNames.normalize(frame.function());
    if (function == null) {
      parts.add(ignored("function", frame.function(), "function name is anonymous or generated"));
    } else if (contextLine != null && contextLine.contributes() && JAVASCRIPT.contains(platform)) {
      parts.add(ignored("function", function, "ignored because the context line is used (minifiers rename functions)"));
    } else {
      parts.add(leaf("function", function));
    }
    GroupingComponent component = group("frame", parts);
    boolean identifiesCode = parts.stream().anyMatch(p -> p.contributes() && !p.id().equals("module") && !p.id().equals("filename"));
    // A file name alone (no function, no source) does not identify a call site; Sentry drops such frames too.
    return identifiesCode ? component : component.withoutContribution("frame has neither a usable function nor a source line");
  }

  /** The source line component, or null on platforms whose frames are identified by function alone. */
  private static GroupingComponent contextLine(StackFrame frame, String platform) {
    if (!CONTEXT_LINE_PLATFORMS.contains(platform)) {
      return null;
    }
    if (frame.contextLine() == null || frame.contextLine().isBlank()) {
      return ignored("context-line", null, "no source context");
    }
    String line = frame.contextLine().strip();
    if (line.length() > MAX_CONTEXT_LINE) {
      return ignored("context-line", null, "line too long (minified or generated code)");
    }
    return leaf("context-line", line);
  }
}
