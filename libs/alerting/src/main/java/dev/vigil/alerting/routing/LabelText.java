package dev.vigil.alerting.routing;

import java.util.Map;
import java.util.SortedMap;

/** Writes label names and values the way Prometheus prints selectors, so the parser reads them back. */
final class LabelText {

  private LabelText() {}

  /** A Go-syntax double-quoted string. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The name as is when it is a classic label name, otherwise quoted (UTF-8 label names). */
  static String name(String name) {
    return isClassicName(name) ? name : quote(name);
  }

  static boolean isClassicName(String name) {
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isNamePart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
  }

  static boolean isNamePart(char c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }

  /** {@code {a="1",b="2"}} for sorted labels. */
  static String labelSet(SortedMap<String, String> labels) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(name(label.getKey())).append('=').append(quote(label.getValue()));
    }
    return out.append('}').toString();
  }
}
