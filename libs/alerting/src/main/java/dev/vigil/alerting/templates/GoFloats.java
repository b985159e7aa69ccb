package dev.vigil.alerting.templates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's strconv.FormatFloat for the 'e', 'f' and 'g' formats. Java's own formatting rounds the
 * shortest decimal string rather than the exact binary value ({@code String.format("%.1f", 0.15)}
 * gives 0.2, Go gives 0.1), so digits come from the exact value via BigDecimal, rounded half to even
 * as Go does, and are then laid out with Go's rules (for 'g': exponent form when the exponent is
 * below -4 or at least the precision, 6 for the shortest form).
 */
final class GoFloats {

  /** value = 0.{digits} x 10^dp; no leading or trailing zeros; empty for zero. */
  private record Digits(String digits, int dp) {
    int nd() {
      return digits.length();
    }

    char at(int i) {
      return digits.charAt(i);
    }
  }

  private GoFloats() {}

  /** strconv.FormatFloat(v, verb, prec, 64); verb is e, E, f, g or G; prec -1 means shortest. */
  static String format(double v, char verb, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    BigDecimal exact = new BigDecimal(Math.abs(v));
    char lower = Character.toLowerCase(verb);
    boolean shortest = prec < 0;
    Digits d;
    if (shortest) {
      d = shortest(Math.abs(v), exact);
      prec = switch (lower) {
        case 'e' -> Math.max(d.nd() - 1, 0);
        case 'f' -> Math.max(d.nd() - d.dp(), 0);
        default -> d.nd();
      };
    } else if (lower == 'f') {
      d = digits(exact.setScale(prec, RoundingMode.HALF_EVEN));
    } else {
      if (lower == 'g' && prec == 0) {
        prec = 1;
      }
      int significant = lower == 'e' ? prec + 1 : prec;
      d = digits(exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }
    StringBuilder out = new StringBuilder();
    if (neg) {
      out.append('-');
    }
    switch (lower) {
      case 'e' -> exponentForm(out, d, prec, verb);
      case 'f' -> fixedForm(out, d, prec);
      default -> {
        int eprec = prec;
        if (eprec > d.nd() && d.nd() >= d.dp()) {
          eprec = d.nd();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = d.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          exponentForm(out, d, Math.min(prec, d.nd()) - 1, verb == 'g' ? 'e' : 'E');
        } else {
          fixedForm(out, d, Math.max((prec > d.dp() ? d.nd() : prec) - d.dp(), 0));
        }
      }
    }
    return out.toString();
  }

  /** The fewest digits that read back as the same double. */
  private static Digits shortest(double v, BigDecimal exact) {
    if (v == 0) {
      return new Digits("", 0);
    }
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(candidate.toString()) == v) {
        return digits(candidate);
      }
    }
    return digits(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static Digits digits(BigDecimal value) {
    if (value.signum() == 0) {
      return new Digits("", 0);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String unscaled = stripped.unscaledValue().toString();
    return new Digits(unscaled, unscaled.length() - stripped.scale());
  }

  private static void exponentForm(StringBuilder out, Digits d, int prec, char verb) {
    out.append(d.nd() == 0 ? '0' : d.at(0));
    if (prec > 0) {
      out.append('.');
      int i = 1;
      int m = Math.min(d.nd(), prec + 1);
      if (i < m) {
        out.append(d.digits(), i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        out.append('0');
      }
    }
    out.append(verb);
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    out.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      out.append('0');
    }
    out.append(exp);
  }

  private static void fixedForm(StringBuilder out, Digits d, int prec) {
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      out.append(d.digits(), 0, m);
      for (; m < d.dp(); m++) {
        out.append('0');
      }
    } else {
      out.append('0');
    }
    if (prec > 0) {
      out.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp() + i - 1;
        out.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
      }
    }
  }
}
