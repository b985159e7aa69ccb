package dev.vigil.promql.parser;

/**
 * A query that is not valid PromQL. The message reads like Prometheus's:
 * {@code 1:14: parse error: unexpected "]", expected ...}.
 */
public final class ParseException extends RuntimeException {

  private final int line;
  private final int column;
  private final int offset;
  private final String detail;

  ParseException(String query, int offset, String detail) {
    super(format(query, offset, detail));
    this.offset = offset;
    int[] lc = lineAndColumn(query, offset);
    this.line = lc[0];
    this.column = lc[1];
    this.detail = detail;
  }

  private static String format(String query, int offset, String detail) {
    int[] lc = lineAndColumn(query, offset);
    return lc[0] + ":" + lc[1] + ": parse error: " + detail;
  }

  private static int[] lineAndColumn(String query, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(offset, query.length()); i++) {
      if (query.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  /** 1-based line of the error. */
  public int line() {
    return line;
  }

  /** 1-based column of the error. */
  public int column() {
    return column;
  }

  /** 0-based character offset of the error. */
  public int offset() {
    return offset;
  }

  /** The message without the position prefix. */
  public String detail() {
    return detail;
  }
}
