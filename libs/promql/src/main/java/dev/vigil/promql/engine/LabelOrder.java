package dev.vigil.promql.engine;

import java.util.Comparator;
import java.util.List;

/**
 * sort_by_label's order: the given labels' values in natural order (digit runs compared as
 * numbers, so "9" before "10"), then the whole label set for a stable result.
 */
final class LabelOrder implements Comparator<Sample> {

  private final List<String> labels;

  LabelOrder(List<String> labels) {
    this.labels = labels;
  }

  @Override
  public int compare(Sample a, Sample b) {
    for (String label : labels) {
      String x = a.labels().get(label);
      String y = b.labels().get(label);
      x = x == null ? "" : x;
      y = y == null ? "" : y;
      if (!x.equals(y)) {
        return natural(x, y);
      }
    }
    return a.labels().compareTo(b.labels());
  }

  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        if (na.length() != nb.length()) {
          return Integer.compare(na.length(), nb.length());
        }
        int c = na.compareTo(nb);
        if (c != 0) {
          return c;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
