package dev.vigil.promql.conformance;

import dev.vigil.promql.parser.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus PromQL test script: load, clear and eval commands in file order. */
final class TestScript {

  sealed interface Command permits Load, Clear, Eval {}

  record Load(long intervalMillis, boolean withNhcb, List<String> lines) implements Command {}

  record Clear() implements Command {}

  /** One eval; {@code start == end} and {@code step == 0} for instant evals. */
  record Eval(
      int line,
      boolean range,
      long start,
      long end,
      long step,
      String expr,
      boolean expectFail,
      String failMessage,
      String failRegex,
      boolean ordered,
      long[] rangeVector,
      List<String> expected,
      String rawText)
      implements Command {}

  private static final Pattern INSTANT = Pattern.compile("^eval(?:_(fail|ordered|warn|info))?\\s+instant\\s+at\\s+(\\S+)\\s+(.+)$");
  private static final Pattern RANGE =
      Pattern.compile("^eval(?:_(fail|ordered|warn|info))?\\s+range\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)\\s+(.+)$");
  private static final Pattern RANGE_VECTOR =
      Pattern.compile("^expect\\s+range\\s+vector\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)$");

  private TestScript() {}

  static List<Command> parse(List<String> lines) {
    List<Command> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        i++;
        continue;
      }
      if (trimmed.equals("clear")) {
        out.add(new Clear());
        i++;
      } else if (trimmed.startsWith("load")) {
        String[] parts = trimmed.split("\\s+");
        List<String> body = new ArrayList<>();
        i++;
        while (i < lines.size() && isBody(lines.get(i))) {
          if (!lines.get(i).strip().isEmpty() && !lines.get(i).strip().startsWith("#")) {
            body.add(lines.get(i));
          }
          i++;
        }
        out.add(new Load(duration(parts[1]), parts[0].equals("load_with_nhcb"), body));
      } else if (trimmed.startsWith("eval")) {
        int start = i;
        List<String> body = new ArrayList<>();
        i++;
        while (i < lines.size() && isBody(lines.get(i))) {
          String b = lines.get(i).strip();
          if (!b.isEmpty() && !b.startsWith("#")) {
            body.add(b);
          }
          i++;
        }
        out.add(eval(start + 1, trimmed, body));
      } else {
        throw new IllegalArgumentException("line " + (i + 1) + ": unknown command: " + trimmed);
      }
    }
    return out;
  }

  private static boolean isBody(String line) {
    return !line.isEmpty() && Character.isWhitespace(line.charAt(0));
  }

  private static Eval eval(int lineNo, String header, List<String> body) {
    Matcher m = INSTANT.matcher(header);
    boolean range;
    String kind;
    long start;
    long end;
    long step = 0;
    String expr;
    if (m.matches()) {
      range = false;
      kind = m.group(1);
      start = end = duration(m.group(2));
      expr = m.group(3);
    } else {
      m = RANGE.matcher(header);
      if (!m.matches()) {
        throw new IllegalArgumentException("line " + lineNo + ": bad eval: " + header);
      }
      range = true;
      kind = m.group(1);
      start = duration(m.group(2));
      end = duration(m.group(3));
      step = duration(m.group(4));
      expr = m.group(5);
    }
    boolean fail = "fail".equals(kind);
    boolean ordered = "ordered".equals(kind);
    String failMessage = null;
    String failRegex = null;
    long[] rangeVector = null;
    List<String> expected = new ArrayList<>();
    for (String b : body) {
      if (b.startsWith("expect ")) {
        String rest = b.substring("expect ".length()).strip();
        Matcher rv = RANGE_VECTOR.matcher(b);
        if (rest.startsWith("fail")) {
          fail = true;
          String detail = rest.substring(4).strip();
          if (detail.startsWith("msg:")) {
            failMessage = detail.substring(4).strip();
          } else if (detail.startsWith("regex:")) {
            failRegex = detail.substring(6).strip();
          }
        } else if (rest.equals("ordered")) {
          ordered = true;
        } else if (rv.matches()) {
          rangeVector = new long[] {duration(rv.group(1)), duration(rv.group(2)), duration(rv.group(3))};
        }
        // expect warn/info/no_warn/no_info: annotations are not checked (see README).
      } else {
        expected.add(b);
      }
    }
    return new Eval(lineNo, range, start, end, step, expr, fail, failMessage, failRegex, ordered,
        rangeVector, expected, header);
  }

  static long duration(String s) {
    Long millis = Durations.parseMillis(s);
    if (millis != null) {
      return millis;
    }
    return Math.round(Double.parseDouble(s) * 1000);
  }
}
