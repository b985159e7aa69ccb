package dev.vigil.alerting.routing;

/** Matcher text that does not parse; the message names the column (1-based) and what was expected. */
public final class MatcherParseException extends IllegalArgumentException {

  private final String input;
  private final int position;
  private final String detail;

  MatcherParseException(String input, int position, String detail) {
    super("bad matchers at column " + (position + 1) + ": " + detail);
    this.input = input;
    this.position = position;
    this.detail = detail;
  }

  /** The text that was parsed. */
  public String input() {
    return input;
  }

  /** Where the problem is, as a 0-based index into {@link #input()}. */
  public int position() {
    return position;
  }

  /** The problem without the position. */
  public String detail() {
    return detail;
  }
}
