package dev.vigil.query.prometheus;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sample values as the Prometheus API writes them (its {@code jsonutil.MarshalFloat}): Go's shortest
 * round-trip digits, plain notation unless the magnitude is below 1e-6 or from 1e21 on, where Go's
 * {@code 1.5e-07} / {@code 1e+21} form is used; {@code +Inf}, {@code -Inf}, {@code NaN}. The digits come
 * from Jackson's Schubfach, because JDK 17's {@code Double.toString} is not always shortest.
 */
public final class GoFloats {

  // Nearest first, then the neighbours on either side.
  private static final RoundingMode[] ONE_DIGIT_CANDIDATES = {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP};

  private GoFloats() {}

  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = shortest(v);
    double abs = Math.abs(v);
    if (abs >= 1e-6 && abs < 1e21) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder out = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    return out.append(e < 10 ? "0" : "").append(e).toString();
  }

  /**
   * The shortest decimal that reads back as {@code v}. Java's algorithm (Schubfach here) never answers
   * with fewer than two digits, so a one-digit answer Go would give ({@code 5e-324}, not {@code 4.9e-324})
   * is tried first.
   */
  private static BigDecimal shortest(double v) {
    BigDecimal twoOrMore = new BigDecimal(DoubleToDecimal.toString(v)).stripTrailingZeros();
    if (twoOrMore.precision() == 2) {
      for (RoundingMode mode : ONE_DIGIT_CANDIDATES) {
        BigDecimal one = twoOrMore.round(new MathContext(1, mode));
        if (one.doubleValue() == v) {
          return one.stripTrailingZeros();
        }
      }
    }
    return twoOrMore;
  }

  /** A sample time (Unix ms) as Prometheus writes it: a JSON number of seconds with up to three decimals. */
  public static BigDecimal seconds(long millis) {
    return millis % 1000 == 0 ? BigDecimal.valueOf(millis / 1000) : BigDecimal.valueOf(millis, 3);
  }
}
