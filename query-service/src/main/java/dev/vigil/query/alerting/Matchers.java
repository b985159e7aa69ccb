package dev.vigil.query.alerting;

import dev.vigil.alerting.routing.LabelMatcher;
import dev.vigil.alerting.routing.LabelMatchers;
import dev.vigil.query.rest.ApiException;
import java.util.List;

/** Matcher text of a request ({@code {severity="critical",team=~"a|b"}}), checked and written in one normal form. */
public final class Matchers {

  static final int MAX_LENGTH = 4000;

  private Matchers() {}

  /** The matchers, or 400 naming the column where the text went wrong. */
  public static List<LabelMatcher> parse(String field, String text) {
    if (text != null && text.length() > MAX_LENGTH) {
      throw ApiException.badRequest(field + " must be at most " + MAX_LENGTH + " characters");
    }
    try {
      return LabelMatchers.parse(text);
    } catch (IllegalArgumentException e) {
      // MatcherParseException names the column; a regular expression that does not compile says why.
      throw ApiException.badRequest(field + ": " + e.getMessage());
    }
  }

  /** The text as stored: parsed and printed again, so equal matchers read the same. */
  public static String normalize(String field, String text) {
    return LabelMatchers.render(parse(field, text));
  }
}
