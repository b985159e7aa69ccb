package dev.vigil.alerting.routing;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher. As in Prometheus, a regular expression must match the whole value ({@code
 * =~"a|b"} means {@code ^(?:a|b)$}, with {@code .} matching newlines too) and a missing label
 * matches as the empty string.
 */
public record LabelMatcher(String name, MatchType type, String value) {

  /** Compiled expressions by source; bounded because matchers come from user input. */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_PATTERNS = 4096;

  /** @throws IllegalArgumentException for a regular expression that does not compile */
  public LabelMatcher {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (type.regex()) {
      pattern(value);
    }
  }

  public static LabelMatcher eq(String name, String value) {
    return new LabelMatcher(name, MatchType.EQ, value);
  }

  /** Whether a label value ({@code null} or empty when the label is absent) satisfies this matcher. */
  public boolean matches(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQ -> v.equals(value);
      case NEQ -> !v.equals(value);
      case RE -> pattern(value).matcher(v).matches();
      case NRE -> !pattern(value).matcher(v).matches();
    };
  }

  /** Whether the labels' value for {@link #name()} satisfies this matcher. */
  public boolean matches(Map<String, String> labels) {
    return matches(labels.get(name));
  }

  /** Whether this matcher also accepts alerts without the label. */
  public boolean matchesEmpty() {
    return matches("");
  }

  /** {@code name="value"} with the value quoted and escaped as Prometheus prints it. */
  @Override
  public String toString() {
    return LabelText.name(name) + type.operator() + LabelText.quote(value);
  }

  static Pattern pattern(String regex) {
    Pattern cached = PATTERNS.get(regex);
    if (cached != null) {
      return cached;
    }
    Pattern compiled;
    try {
      // compiled as written and applied with Matcher.matches(), which anchors at both ends
      compiled = Pattern.compile(regex, Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression " + LabelText.quote(regex) + ": " + e.getDescription(), e);
    }
    if (PATTERNS.size() >= MAX_CACHED_PATTERNS) {
      PATTERNS.clear();
    }
    PATTERNS.put(regex, compiled);
    return compiled;
  }
}
