package dev.vigil.promql.engine;

import java.util.List;

/**
 * A range vector as functions see it at one evaluation time: each series' points in the
 * left-open window {@code (start, end]}, plus the window itself (extrapolation needs it).
 */
public record RangeVector(List<Series> series, long start, long end) {

  public double rangeSeconds() {
    return (end - start) / 1000.0;
  }
}
