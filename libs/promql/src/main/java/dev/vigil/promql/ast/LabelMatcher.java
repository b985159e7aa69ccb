package dev.vigil.promql.ast;

import java.util.regex.Pattern;

/**
 * One label matcher. Regular expressions are fully anchored as in Prometheus, and a missing label
 * matches as the empty string.
 */
public record LabelMatcher(String name, MatchType type, String value, Pattern pattern) {

  public static LabelMatcher of(String name, MatchType type, String value) {
    Pattern pattern =
        type == MatchType.REGEX || type == MatchType.NOT_REGEX
            ? Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL)
            : null;
    return new LabelMatcher(name, type, value, pattern);
  }

  /** Whether a label value (empty when the label is absent) satisfies this matcher. */
  public boolean matches(String actual) {
    String v = actual == null ? "" : actual;
    return switch (type) {
      case EQUAL -> v.equals(value);
      case NOT_EQUAL -> !v.equals(value);
      case REGEX -> pattern.matcher(v).matches();
      case NOT_REGEX -> !pattern.matcher(v).matches();
    };
  }

  /** Whether this matcher accepts the empty string, i.e. also selects series without the label. */
  public boolean matchesEmpty() {
    return matches("");
  }

  @Override
  public String toString() {
    return name + type.symbol() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
