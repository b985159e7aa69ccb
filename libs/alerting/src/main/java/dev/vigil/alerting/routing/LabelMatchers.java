package dev.vigil.alerting.routing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Matcher lists as text (a channel's or a silence's {@code matchers}) and as a filter on labels. */
public final class LabelMatchers {

  private LabelMatchers() {}

  /**
   * Parses Prometheus/Alertmanager matcher syntax, e.g. {@code {severity="critical",team=~"a|b"}};
   * braces are optional, values may be unquoted, blank text is the empty list.
   *
   * @throws MatcherParseException naming the column and what was expected there
   */
  public static List<LabelMatcher> parse(String text) {
    return List.copyOf(MatcherParser.parse(text == null ? "" : text));
  }

  /** {@code {a="b",c!="d"}}, or the empty string for no matchers; {@link #parse} reads it back. */
  public static String render(List<LabelMatcher> matchers) {
    if (matchers.isEmpty()) {
      return "";
    }
    return matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}"));
  }

  /** Whether the labels satisfy every matcher (so an empty list matches everything). */
  public static boolean matchAll(List<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
