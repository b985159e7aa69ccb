package dev.vigil.promql.engine;

/**
 * Kahan-Neumaier compensated summation, as Prometheus uses for sum, avg and the *_over_time
 * functions, so results match it to the last bits on long or ill-conditioned inputs.
 */
public final class KahanSum {

  private double sum;
  private double c;

  public void add(double inc) {
    double t = sum + inc;
    if (Double.isInfinite(t)) {
      c = 0;
    } else if (Math.abs(sum) >= Math.abs(inc)) {
      c += (sum - t) + inc;
    } else {
      c += (inc - t) + sum;
    }
    sum = t;
  }

  public double value() {
    return sum + c;
  }

  public double rawSum() {
    return sum;
  }

  public double compensation() {
    return c;
  }
}
