package dev.vigil.query.sentryapi.issues;

import dev.vigil.domain.IssueStatus;
import dev.vigil.query.rest.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sentry issue search ({@code is:unresolved level:error environment:production timeout}) as the
 * filters Vigil's issue list understands: {@code is:} statuses, {@code level:}, {@code environment:},
 * {@code release:}, {@code firstRelease:} (or Sentry's {@code first-release:}: issues first seen in that
 * release, "a release's new issues"), and the remaining words as text. Other keys are refused with 400 rather than
 * silently ignored, so that a tool never mistakes an unfiltered list for a filtered one.
 *
 * @param statuses wire names; null for every status
 */
record SentryIssueQuery(
    Set<String> statuses, String level, String environment, String release, String firstRelease, String text) {

  /** Words, {@code key:value} and {@code key:"quoted value"} tokens. */
  private static final Pattern TOKEN = Pattern.compile("(\\w[\\w.-]*):(\"[^\"]*\"|\\S+)|\"([^\"]*)\"|(\\S+)");

  /** What Sentry searches when the query parameter is absent. */
  static final String DEFAULT = "is:unresolved";

  static SentryIssueQuery parse(String query) {
    Set<String> statuses = new LinkedHashSet<>();
    String level = null;
    String environment = null;
    String release = null;
    String firstRelease = null;
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(query == null ? DEFAULT : query);
    while (m.find()) {
      if (m.group(1) == null) {
        words.add(m.group(3) != null ? m.group(3) : m.group(4));
        continue;
      }
      String value = unquote(m.group(2));
      switch (m.group(1)) {
        case "is" -> statuses.addAll(statuses(value));
        case "level" -> level = value;
        case "environment" -> environment = value;
        case "release" -> release = value;
        case "firstRelease", "first-release" -> firstRelease = value;
        default -> throw ApiException.badRequest(
            "Invalid search query: Vigil searches issues by is:, level:, environment:, release:, firstRelease: and text, not by "
                + m.group(1) + ":");
      }
    }
    String text = words.isEmpty() ? null : String.join(" ", words);
    return new SentryIssueQuery(statuses.isEmpty() ? null : Set.copyOf(statuses), level, environment, release, firstRelease, text);
  }

  /** Sentry's status names (and its synonyms of ignored) as Vigil's; resolved includes "in next release". */
  static Set<String> statuses(String value) {
    return switch (value) {
      case "unresolved" -> Set.of(IssueStatus.UNRESOLVED.wireName());
      case "resolved" -> Set.of(IssueStatus.RESOLVED.wireName(), IssueStatus.RESOLVED_IN_NEXT_RELEASE.wireName());
      case "ignored", "muted", "archived" -> Set.of(IssueStatus.IGNORED.wireName());
      default -> throw ApiException.badRequest(
          "Invalid search query: is:" + value + " is not supported (unresolved, resolved, ignored)");
    };
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }
}
