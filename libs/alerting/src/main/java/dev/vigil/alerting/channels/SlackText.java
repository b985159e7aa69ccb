package dev.vigil.alerting.channels;

import java.time.Instant;

/** Slack mrkdwn built from user text: escaped so "<!channel>" or "<url|x>" in an annotation stays text. */
final class SlackText {

  private SlackText() {}

  /** Slack's three control characters as entities (its documented escaping). */
  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escaped text within {@code max}, never cut inside an entity such as "&amp;". */
  static String escaped(String raw, int max) {
    return truncateMrkdwn(escape(raw), max);
  }

  /** Cuts already-escaped mrkdwn to {@code max} without splitting an entity or a surrogate pair. */
  static String truncateMrkdwn(String mrkdwn, int max) {
    String cut = Text.truncate(mrkdwn, max);
    if (cut.length() == mrkdwn.length()) {
      return cut;
    }
    String kept = cut.substring(0, cut.length() - Text.ELLIPSIS.length());
    int amp = kept.lastIndexOf('&');
    if (amp >= 0 && kept.indexOf(';', amp) < 0) {
      kept = kept.substring(0, amp);
    }
    return kept + Text.ELLIPSIS;
  }

  /** A link "<url|text>", or just the text when there is no URL. */
  static String link(String url, String escapedText) {
    if (url == null) {
      return escapedText;
    }
    return "<" + escape(url).replace("|", "%7C") + "|" + escapedText + ">";
  }

  /** A time each reader sees in their own time zone, with the UTC instant as fallback. */
  static String date(Instant at) {
    if (at == null) {
      return "";
    }
    return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at + ">";
  }

  /** "`name=value`" for a label; backticks inside would end the code span early. */
  static String code(String name, String value) {
    return "`" + escape(name + "=" + value).replace('`', '\'') + "`";
  }
}
