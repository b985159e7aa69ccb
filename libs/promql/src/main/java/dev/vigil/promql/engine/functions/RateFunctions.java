package dev.vigil.promql.engine.functions;

import dev.vigil.promql.engine.KahanSum;
import dev.vigil.promql.engine.RangeVector;
import dev.vigil.promql.engine.Series;

/**
 * Counter and gauge change functions over a range: rate, increase and delta with Prometheus's
 * extrapolation to the window edges, irate/idelta, deriv and predict_linear (least squares),
 * resets and changes. Each returns null when the series has too few points for a result.
 */
public final class RateFunctions {

  private RateFunctions() {}

  public static Double apply(String name, Series s, RangeVector r, double param, long evalTime) {
    return switch (name) {
      case "rate" -> extrapolatedRate(s, r, true, true);
      case "increase" -> extrapolatedRate(s, r, true, false);
      case "delta" -> extrapolatedRate(s, r, false, false);
      case "irate" -> instantDelta(s, true);
      case "idelta" -> instantDelta(s, false);
      case "deriv" -> s.size() < 2 ? null : regression(s, s.timestamps()[0])[0];
      case "predict_linear" -> {
        if (s.size() < 2) {
          yield null;
        }
        double[] fit = regression(s, evalTime);
        yield fit[1] + fit[0] * param;
      }
      case "resets" -> resets(s);
      case "changes" -> changes(s);
      default -> throw new IllegalArgumentException("not a rate function: " + name);
    };
  }

  public static boolean handles(String name) {
    return switch (name) {
      case "rate", "increase", "delta", "irate", "idelta", "deriv", "predict_linear", "resets", "changes" -> true;
      default -> false;
    };
  }

  static Double extrapolatedRate(Series s, RangeVector r, boolean counter, boolean perSecond) {
    int n = s.size();
    if (n < 2) {
      return null;
    }
    long[] ts = s.timestamps();
    double[] vs = s.values();
    double result = vs[n - 1] - vs[0];
    if (counter) {
      double last = 0;
      for (double v : vs) {
        if (v < last) {
          result += last;
        }
        last = v;
      }
    }
    double toStart = (ts[0] - r.start()) / 1000.0;
    double toEnd = (r.end() - ts[n - 1]) / 1000.0;
    double sampled = (ts[n - 1] - ts[0]) / 1000.0;
    double avgStep = sampled / (n - 1);
    double threshold = avgStep * 1.1;
    if (toStart >= threshold) {
      toStart = avgStep / 2;
    }
    if (counter) {
      double toZero = toStart;
      if (result > 0 && vs[0] >= 0) {
        toZero = sampled * (vs[0] / result);
      }
      if (toZero < toStart) {
        toStart = toZero;
      }
    }
    if (toEnd >= threshold) {
      toEnd = avgStep / 2;
    }
    double factor = (sampled + toStart + toEnd) / sampled;
    if (perSecond) {
      factor /= r.rangeSeconds();
    }
    return result * factor;
  }

  private static Double instantDelta(Series s, boolean perSecond) {
    int n = s.size();
    if (n < 2) {
      return null;
    }
    double last = s.values()[n - 1];
    double prev = s.values()[n - 2];
    double result = perSecond && last < prev ? last : last - prev;
    if (!perSecond) {
      return result;
    }
    double interval = (s.timestamps()[n - 1] - s.timestamps()[n - 2]) / 1000.0;
    if (interval == 0) {
      return null;
    }
    return result / interval;
  }

  /** Least-squares fit: {slope per second, intercept at interceptTime}. */
  static double[] regression(Series s, long interceptTime) {
    double n = 0;
    KahanSum sumX = new KahanSum();
    KahanSum sumY = new KahanSum();
    KahanSum sumXY = new KahanSum();
    KahanSum sumX2 = new KahanSum();
    double initY = s.values()[0];
    boolean constY = true;
    for (int i = 0; i < s.size(); i++) {
      double y = s.values()[i];
      if (constY && i > 0 && y != initY) {
        constY = false;
      }
      n++;
      double x = (s.timestamps()[i] - interceptTime) / 1000.0;
      sumX.add(x);
      sumY.add(y);
      sumXY.add(x * y);
      sumX2.add(x * x);
    }
    if (constY) {
      if (Double.isInfinite(initY)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      return new double[] {0, initY};
    }
    double sx = sumX.value();
    double sy = sumY.value();
    double covXY = sumXY.value() - sx * sy / n;
    double varX = sumX2.value() - sx * sx / n;
    double slope = covXY / varX;
    double intercept = sy / n - slope * sx / n;
    return new double[] {slope, intercept};
  }

  private static Double resets(Series s) {
    int count = 0;
    double[] vs = s.values();
    for (int i = 1; i < vs.length; i++) {
      if (vs[i] < vs[i - 1]) {
        count++;
      }
    }
    return (double) count;
  }

  private static Double changes(Series s) {
    int count = 0;
    double[] vs = s.values();
    for (int i = 1; i < vs.length; i++) {
      double cur = vs[i];
      double prev = vs[i - 1];
      if (!(cur == prev || (Double.isNaN(cur) && Double.isNaN(prev)))) {
        count++;
      }
    }
    return (double) count;
  }
}
