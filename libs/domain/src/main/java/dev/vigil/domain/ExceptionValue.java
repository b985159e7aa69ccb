package dev.vigil.domain;

import java.util.List;

/**
 * One exception of a chain. In a chain the innermost cause comes first and the exception that was
 * finally raised comes last, as in Sentry's {@code exception.values}.
 */
public record ExceptionValue(
    String type, String value, String module, String mechanism, Boolean handled, List<StackFrame> frames) {

  public ExceptionValue {
    frames = frames == null ? List.of() : List.copyOf(frames);
  }

  /** True when at least one frame belongs to the application. */
  public boolean hasInAppFrames() {
    return frames.stream().anyMatch(StackFrame::inApp);
  }
}
