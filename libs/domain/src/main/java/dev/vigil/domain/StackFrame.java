package dev.vigil.domain;

import java.util.List;

/**
 * One frame of a stack trace, oldest call first as Sentry orders them. Nullable fields are absent
 * from the SDK payload; {@code inApp} is already decided (SDK flag or Vigil's library rules).
 */
public record StackFrame(
    String filename,
    String absPath,
    String module,
    String function,
    Integer lineno,
    Integer colno,
    String contextLine,
    List<String> preContext,
    List<String> postContext,
    boolean inApp,
    String platform) {

  public StackFrame {
    preContext = preContext == null ? List.of() : List.copyOf(preContext);
    postContext = postContext == null ? List.of() : List.copyOf(postContext);
  }
}
