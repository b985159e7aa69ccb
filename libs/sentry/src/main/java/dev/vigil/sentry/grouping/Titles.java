package dev.vigil.sentry.grouping;

import dev.vigil.domain.Event;
import dev.vigil.domain.ExceptionValue;
import dev.vigil.domain.StackFrame;
import java.util.List;
import java.util.Set;

/** The title and culprit an issue is shown with, in Sentry's formats. */
final class Titles {

  static final int MAX_TITLE = 100;

  static final String UNLABELED = "<unlabeled event>";

  private static final Set<String> JAVASCRIPT = Set.of("javascript", "node");

  private Titles() {}

  /** "Type: first line of value" for exceptions, the message's first line, else "<unlabeled event>". */
  static String title(Event event) {
    ExceptionValue main = event.mainException();
    if (main != null && (main.type() != null || main.value() != null)) {
      String value = firstLine(main.value());
      if (main.type() == null) {
        return truncate(value);
      }
      return truncate(value == null ? main.type() : main.type() + ": " + value);
    }
    String message = firstLine(event.message());
    return message == null ? UNLABELED : truncate(message);
  }

  /** The transaction when there is one (as Sentry does), else where the main exception was raised. */
  static String culprit(Event event) {
    if (event.transaction() != null && !event.transaction().isBlank()) {
      return event.transaction();
    }
    ExceptionValue main = event.mainException();
    StackFrame frame = main == null ? null : topFrame(main);
    if (frame == null) {
      return "";
    }
    String location = frame.module() != null ? frame.module() : frame.filename();
    if (location == null) {
      return "";
    }
    String function = frame.function() != null ? frame.function() : "?";
    String platform = frame.platform() != null ? frame.platform() : event.platform();
    return JAVASCRIPT.contains(platform) ? function + "(" + location + ")" : location + " in " + function;
  }

  /** The most recent in-app frame (frames are oldest first), else the most recent frame. */
  static StackFrame topFrame(ExceptionValue exception) {
    List<StackFrame> frames = exception.frames();
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (FrameGrouping.isAppFrame(frames.get(i))) {
        return frames.get(i);
      }
    }
    return frames.isEmpty() ? null : frames.get(frames.size() - 1);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    String line = (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
    return line.isEmpty() ? null : line;
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_TITLE) {
      return text;
    }
    int end = MAX_TITLE - 3;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...";
  }
}
