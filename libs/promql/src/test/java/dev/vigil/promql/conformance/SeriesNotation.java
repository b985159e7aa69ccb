package dev.vigil.promql.conformance;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.MatchType;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.StaleMarkers;
import dev.vigil.promql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The series notation of Prometheus's test scripts: {@code metric{a="b"} 0+10x100 _ stale 5x3}.
 * A value is null for an omitted point ({@code _}); native histograms ({@code {{...}}}) are
 * reported through {@link Line#hasHistograms()} and left out of the values.
 */
final class SeriesNotation {

  /** A parsed line: labels (null when the line is a bare value) and expanded values. */
  record Line(Labels labels, List<Double> values, boolean hasHistograms) {}

  private SeriesNotation() {}

  static Line parse(String line) {
    String s = line.strip();
    int split = descriptorEnd(s);
    String descriptor = s.substring(0, split);
    String rest = s.substring(split).strip();
    Labels labels;
    if (looksLikeValue(descriptor) && rest.isEmpty()) {
      labels = null;
      rest = descriptor;
    } else {
      labels = labels(descriptor);
    }
    boolean histograms = rest.contains("{{");
    return new Line(labels, expand(rest), histograms);
  }

  private static boolean looksLikeValue(String token) {
    return !token.contains("{") && (token.matches("[-+]?[0-9.].*") || token.matches("(?i)[-+]?(inf|nan)"));
  }

  private static int descriptorEnd(String s) {
    int brace = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        brace = i;
        break;
      }
      if (Character.isWhitespace(c)) {
        return i;
      }
    }
    if (brace < 0) {
      return s.length();
    }
    boolean quoted = false;
    for (int i = brace; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i + 1;
      }
    }
    return s.length();
  }

  static Labels labels(String descriptor) {
    String d = descriptor.strip();
    if (d.equals("{}")) {
      return Labels.EMPTY;
    }
    if (d.endsWith("{}")) {
      d = d.substring(0, d.length() - 2);
    }
    Expr e = Parser.parse(d);
    TreeMap<String, String> map = new TreeMap<>();
    for (LabelMatcher m : ((VectorSelector) e).matchers()) {
      if (m.type() == MatchType.EQUAL) {
        map.put(m.name(), m.value());
      }
    }
    return Labels.of(map);
  }

  static List<Double> expand(String values) {
    List<Double> out = new ArrayList<>();
    for (String token : tokens(values)) {
      if (token.contains("{{")) {
        int end = token.lastIndexOf("}}");
        String tail = token.substring(end + 2);
        int times = tail.startsWith("x") ? Integer.parseInt(tail.substring(1)) + 1 : 1;
        for (int i = 0; i < times; i++) {
          out.add(null);
        }
        continue;
      }
      if (token.equals("_")) {
        out.add(null);
      } else if (token.startsWith("_x")) {
        int n = Integer.parseInt(token.substring(2));
        for (int i = 0; i < n; i++) {
          out.add(null);
        }
      } else if (token.equals("stale")) {
        out.add(StaleMarkers.STALE_NAN);
      } else {
        expandArithmetic(token, out);
      }
    }
    return out;
  }

  private static void expandArithmetic(String token, List<Double> out) {
    int x = token.lastIndexOf('x');
    if (x <= 0) {
      out.add(number(token));
      return;
    }
    String head = token.substring(0, x);
    int times = Integer.parseInt(token.substring(x + 1));
    int op = -1;
    for (int i = 1; i < head.length(); i++) {
      char c = head.charAt(i);
      char prev = head.charAt(i - 1);
      if ((c == '+' || c == '-') && prev != 'e' && prev != 'E') {
        op = i;
        break;
      }
    }
    double start = number(op < 0 ? head : head.substring(0, op));
    double delta = op < 0 ? 0 : number(head.substring(op));
    for (int i = 0; i <= times; i++) {
      out.add(start + delta * i);
    }
  }

  static double number(String s) {
    String t = s.strip();
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case "inf", "+inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      default -> {}
    }
    if (lower.startsWith("0x")) {
      return Long.parseLong(t.substring(2), 16);
    }
    if (lower.startsWith("-0x")) {
      return -Long.parseLong(t.substring(3), 16);
    }
    return Double.parseDouble(t);
  }

  private static List<String> tokens(String values) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < values.length()) {
      while (i < values.length() && Character.isWhitespace(values.charAt(i))) {
        i++;
      }
      if (i >= values.length()) {
        break;
      }
      int start = i;
      while (i < values.length() && !Character.isWhitespace(values.charAt(i))) {
        if (values.startsWith("{{", i)) {
          int end = values.indexOf("}}", i);
          i = end < 0 ? values.length() : end + 2;
        } else {
          i++;
        }
      }
      out.add(values.substring(start, i));
    }
    return out;
  }
}
