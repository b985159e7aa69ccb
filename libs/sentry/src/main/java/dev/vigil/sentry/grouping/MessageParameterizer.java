package dev.vigil.sentry.grouping;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the variable parts of a message (ids, addresses, times, sizes) with placeholders, so that
 * "user 42 not found" and "user 17 not found" group together. Order matters: specific shapes
 * (emails, URLs, UUIDs, dates) are replaced before the numbers they contain.
 */
final class MessageParameterizer {

  private record Rule(String placeholder, Pattern pattern) {}

  private static final String HEX4 = "[0-9a-fA-F]{1,4}";

  private static final List<Rule> RULES =
      List.of(
          new Rule("<email>", Pattern.compile("[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+")),
          new Rule("<url>", Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"'<>]+")),
          new Rule(
              "<uuid>",
              Pattern.compile("\\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\b")),
          new Rule(
              "<date>",
              Pattern.compile(
                  "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2}|\\b))?"
                      + "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2}(?: GMT| [+-]\\d{4})?"
                      + "|\\b\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b")),
          new Rule(
              "<ip>",
              Pattern.compile(
                  "(?<![\\w:.])(?:(?:" + HEX4 + ":){7}" + HEX4
                      + "|(?:" + HEX4 + ":){1,7}:(?:" + HEX4 + "(?::" + HEX4 + "){0,6})?"
                      + "|::(?:" + HEX4 + "(?::" + HEX4 + "){0,6})?)(?![\\w:])")),
          new Rule(
              "<ip>",
              Pattern.compile("(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?::\\d{1,5})?(?![\\w.])")),
          new Rule(
              "<hostname>",
              Pattern.compile(
                  "(?<![\\w.@-])(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+"
                      + "(?:com|net|org|io|dev|app|cloud|co|ai|info|biz|us|uk|de|fr|nl|eu|ca|au|jp|ch|se|in|br|ru|cn"
                      + "|internal|local|lan|localdomain|svc|cluster\\.local|amazonaws\\.com)(?::\\d{1,5})?(?![\\w-])")),
          new Rule("<hex>", Pattern.compile("\\b(?:0x[0-9a-fA-F]+|(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,})\\b")),
          new Rule(
              "<duration>",
              Pattern.compile(
                  "\\b\\d+(?:\\.\\d+)?\\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?)\\b")),
          new Rule("<float>", Pattern.compile("(?<![\\w.])-?\\d+\\.\\d+(?![\\w.])")),
          new Rule("<int>", Pattern.compile("(?<![\\w.])-?\\d+(?![\\w])")),
          // Digits glued to words ("user42", "order_1337") vary the same way numbers do.
          new Rule("<int>", Pattern.compile("(?<=[A-Za-z_])\\d{2,}\\b")));

  private MessageParameterizer() {}

  /** The message with each variable part replaced by its placeholder. */
  static String parameterize(String message) {
    if (message == null) {
      return null;
    }
    String out = message;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      if (m.find()) {
        out = m.replaceAll(Matcher.quoteReplacement(rule.placeholder()));
      }
    }
    return out;
  }
}
