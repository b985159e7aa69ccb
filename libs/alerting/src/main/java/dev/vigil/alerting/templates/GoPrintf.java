package dev.vigil.alerting.templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt.Sprintf for template values: flags {@code - + # space 0}, width, precision, the verbs
 * v s q d b o x X c U e E f F g G t T and %%, and fmt's in-band errors ({@code %!d(float64=1.5)},
 * {@code %!d(MISSING)}, {@code %!(EXTRA int=2)}).
 */
final class GoPrintf {

  private static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    int width = -1;
    int prec = -1;
  }

  private GoPrintf() {}

  static String sprintf(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int argNum = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      Spec spec = new Spec();
      for (; i < format.length() && "#0+- ".indexOf(format.charAt(i)) >= 0; i++) {
        switch (format.charAt(i)) {
          case '#' -> spec.sharp = true;
          case '0' -> spec.zero = true;
          case '+' -> spec.plus = true;
          case '-' -> spec.minus = true;
          default -> spec.space = true;
        }
      }
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      spec.width = i > start ? Integer.parseInt(format.substring(start, i)) : -1;
      if (i < format.length() && format.charAt(i) == '.') {
        start = ++i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        spec.prec = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        out.append('%');
      } else if (argNum >= args.size()) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        out.append(arg(args.get(argNum++), (char) verb, spec));
      }
    }
    if (argNum < args.size()) {
      List<String> extra = new ArrayList<>();
      for (Object a : args.subList(argNum, args.size())) {
        extra.add(a == null ? "<nil>" : GoValues.typeName(a) + "=" + formatValue(a, 'v'));
      }
      out.append("%!(EXTRA ").append(String.join(", ", extra)).append(')');
    }
    return out.toString();
  }

  /** One value with a verb and no flags, e.g. %v. */
  static String formatValue(Object v, char verb) {
    return arg(v, verb, new Spec());
  }

  private static String arg(Object v, char verb, Spec spec) {
    if (v == null) {
      return verb == 'v' || verb == 'T' ? pad("<nil>", spec) : "%!" + verb + "(<nil>)";
    }
    if (verb == 'T') {
      return pad(GoValues.typeName(v), spec);
    }
    String out = null;
    if (v instanceof Boolean b) {
      out = verb == 'v' || verb == 't' ? pad(b.toString(), spec) : null;
    } else if (v instanceof Double d) {
      out = switch (verb) {
        case 'v' -> number(GoFloats.format(d, 'g', spec.prec), spec);
        case 'g', 'G' -> number(GoFloats.format(d, verb, spec.prec), spec);
        case 'e', 'E', 'f' -> number(GoFloats.format(d, verb, spec.prec < 0 ? 6 : spec.prec), spec);
        case 'F' -> number(GoFloats.format(d, 'f', spec.prec < 0 ? 6 : spec.prec), spec);
        default -> null;
      };
    } else if (v instanceof Long l) {
      out = integer(l, verb, spec);
    } else if (v instanceof String s) {
      out = string(s, verb, spec);
    } else if (v instanceof GoValues.GoTime t) {
      out = string(t.toString(), verb == 'v' ? 's' : verb, spec);
    } else if (v instanceof Map<?, ?> m) {
      List<String> entries = new ArrayList<>();
      GoValues.sorted(m).forEach((k, val) -> entries.add(arg(k, verb, spec) + ":" + arg(val, verb, spec)));
      out = "map[" + String.join(" ", entries) + "]";
    } else if (v instanceof GoValues.Root r) {
      out = "{" + arg(r.labels(), verb, spec) + " " + arg(r.externalLabels(), verb, spec) + " "
          + arg(r.urlField(), verb, spec) + " " + arg(r.value(), verb, spec) + "}";
    }
    return out != null ? out : "%!" + verb + "(" + GoValues.typeName(v) + "=" + formatValue(v, 'v') + ")";
  }

  private static String string(String s, char verb, Spec spec) {
    String cut = spec.prec >= 0 && s.codePointCount(0, s.length()) > spec.prec
        ? s.substring(0, s.offsetByCodePoints(0, spec.prec)) : s;
    return switch (verb) {
      case 'v', 's' -> pad(cut, spec);
      case 'q' -> pad(GoStrings.quote(cut), spec);
      case 'x', 'X' -> {
        StringBuilder hex = new StringBuilder(spec.sharp ? (verb == 'x' ? "0x" : "0X") : "");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
          hex.append(String.format(verb == 'x' ? "%02x" : "%02X", b & 0xff));
        }
        yield pad(hex.toString(), spec);
      }
      default -> null;
    };
  }

  private static String integer(long v, char verb, Spec spec) {
    int base;
    switch (verb) {
      case 'v', 'd' -> base = 10;
      case 'b' -> base = 2;
      case 'o', 'O' -> base = 8;
      case 'x', 'X' -> base = 16;
      case 'c' -> {
        return Character.isValidCodePoint((int) v) && v == (int) v ? pad(new String(Character.toChars((int) v)), spec) : pad("\ufffd", spec);
      }
      case 'q' -> {
        return pad(GoStrings.quoteRune(Character.isValidCodePoint((int) v) && v == (int) v ? (int) v : 0xfffd), spec);
      }
      case 'U' -> {
        return pad(String.format("U+%04X", v), spec);
      }
      default -> {
        return null;
      }
    }
    boolean negative = v < 0;
    String digits = Long.toString(v, base).replace("-", "");
    if (verb == 'X') {
      digits = digits.toUpperCase();
    }
    if (spec.prec == 0 && v == 0) {
      digits = "";
    }
    boolean signed = negative || spec.plus || spec.space;
    int minDigits = spec.prec >= 0 ? spec.prec
        : spec.zero && spec.width > 0 && !spec.minus ? spec.width - (signed ? 1 : 0) : 0;
    StringBuilder out = new StringBuilder();
    if (spec.sharp) {
      out.append(base == 16 ? (verb == 'X' ? "0X" : "0x") : base == 8 ? "0" : base == 2 ? "0b" : "");
    }
    out.append("0".repeat(Math.max(0, minDigits - digits.length() - out.length()))).append(digits);
    String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    Spec spaces = copyWithoutZero(spec);
    return pad(sign + out, spaces);
  }

  /** fmt's float layout: sign only when negative or asked for, zero padding after the sign. */
  private static String number(String formatted, Spec spec) {
    String num = formatted.startsWith("-") || formatted.startsWith("+") ? formatted : "+" + formatted;
    if (spec.space && num.charAt(0) == '+' && !spec.plus) {
      num = " " + num.substring(1);
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      if (num.charAt(1) == 'N' && !spec.space && !spec.plus) {
        num = num.substring(1);
      }
      return pad(num, copyWithoutZero(spec));
    }
    if (spec.plus || num.charAt(0) != '+') {
      if (spec.zero && !spec.minus && spec.width > num.length()) {
        return num.charAt(0) + "0".repeat(spec.width - num.length()) + num.substring(1);
      }
      return pad(num, spec);
    }
    return pad(num.substring(1), spec);
  }

  private static Spec copyWithoutZero(Spec spec) {
    Spec copy = new Spec();
    copy.minus = spec.minus;
    copy.width = spec.width;
    return copy;
  }

  private static String pad(String s, Spec spec) {
    int length = s.codePointCount(0, s.length());
    if (spec.width <= length) {
      return s;
    }
    String padding = String.valueOf(spec.zero && !spec.minus ? '0' : ' ').repeat(spec.width - length);
    return spec.minus ? s + padding : padding + s;
  }
}
