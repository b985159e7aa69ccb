package dev.vigil.alerting.templates;

/**
 * A template that Go's text/template (and so Prometheus) would refuse to parse. The message is
 * {@code line:column: detail}, e.g. {@code 1:4: function "humanise" not defined}; the column is
 * 1-based and counts characters of the template as written.
 */
public final class TemplateSyntaxException extends IllegalArgumentException {

  private final int line;
  private final int column;
  private final String detail;

  TemplateSyntaxException(int line, int column, String detail) {
    super(line + ":" + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The problem without its position, worded as Go's template parser words it. */
  public String detail() {
    return detail;
  }
}
