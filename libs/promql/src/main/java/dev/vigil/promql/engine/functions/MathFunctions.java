package dev.vigil.promql.engine.functions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Element-wise functions on sample values: math, rounding, clamping and calendar (UTC). */
public final class MathFunctions {

  private MathFunctions() {}

  public static boolean handles(String name) {
    return switch (name) {
      case "abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "deg", "rad",
          "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
          "atanh" -> true;
      default -> false;
    };
  }

  public static double apply(String name, double v) {
    return switch (name) {
      case "abs" -> Math.abs(v);
      case "ceil" -> Math.ceil(v);
      case "floor" -> Math.floor(v);
      case "exp" -> Math.exp(v);
      case "sqrt" -> Math.sqrt(v);
      case "ln" -> Math.log(v);
      case "log2" -> log2(v);
      case "log10" -> Math.log10(v);
      case "sgn" -> Double.isNaN(v) ? v : Math.signum(v);
      case "deg" -> v * 180 / Math.PI;
      case "rad" -> v * Math.PI / 180;
      case "sin" -> Math.sin(v);
      case "cos" -> Math.cos(v);
      case "tan" -> Math.tan(v);
      case "asin" -> Math.asin(v);
      case "acos" -> Math.acos(v);
      case "atan" -> Math.atan(v);
      case "sinh" -> Math.sinh(v);
      case "cosh" -> Math.cosh(v);
      case "tanh" -> Math.tanh(v);
      case "asinh" -> asinh(v);
      case "acosh" -> v < 1 ? Double.NaN : Math.log(v + Math.sqrt(v * v - 1));
      case "atanh" -> 0.5 * Math.log((1 + v) / (1 - v));
      default -> throw new IllegalArgumentException("not a math function: " + name);
    };
  }

  private static double log2(double v) {
    if (v > 0 && !Double.isInfinite(v)) {
      int exp = Math.getExponent(v);
      if (v == Math.scalb(1.0, exp)) {
        return exp;
      }
    }
    return Math.log(v) / Math.log(2);
  }

  private static double asinh(double v) {
    if (Double.isInfinite(v)) {
      return v;
    }
    double a = Math.abs(v);
    double r = Math.log(a + Math.sqrt(a * a + 1));
    return v < 0 ? -r : r;
  }

  /** Go's math.Round semantics: half away from zero. Prometheus rounds to a multiple of toNearest. */
  public static double round(double v, double toNearest) {
    double inverse = 1.0 / toNearest;
    return Math.floor(v * inverse + 0.5) / inverse;
  }

  public static boolean isCalendar(String name) {
    return switch (name) {
      case "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
          "month", "year" -> true;
      default -> false;
    };
  }

  public static double calendar(String name, double unixSeconds) {
    if (Double.isNaN(unixSeconds) || Double.isInfinite(unixSeconds)) {
      return Double.NaN;
    }
    ZonedDateTime t = Instant.ofEpochSecond((long) unixSeconds).atZone(ZoneOffset.UTC);
    return switch (name) {
      case "day_of_month" -> t.getDayOfMonth();
      case "day_of_week" -> t.getDayOfWeek().getValue() % 7;
      case "day_of_year" -> t.getDayOfYear();
      case "days_in_month" -> t.toLocalDate().lengthOfMonth();
      case "hour" -> t.getHour();
      case "minute" -> t.getMinute();
      case "month" -> t.getMonthValue();
      case "year" -> t.getYear();
      default -> throw new IllegalArgumentException("not a calendar function: " + name);
    };
  }
}
