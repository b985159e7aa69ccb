package dev.vigil.promql.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** An immutable label set, sorted by name; the identity of a series. */
public final class Labels implements Comparable<Labels> {

  public static final String METRIC_NAME = "__name__";
  public static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  private int hash;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** Builds a label set from a map; empty values are dropped as Prometheus does. */
  public static Labels of(Map<String, String> map) {
    TreeMap<String, String> sorted = new TreeMap<>();
    map.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        sorted.put(k, v);
      }
    });
    return new Labels(sorted.keySet().toArray(new String[0]), sorted.values().toArray(new String[0]));
  }

  /** Builds a label set from alternating names and values. */
  public static Labels of(String... pairs) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return of(map);
  }

  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  public String value(int i) {
    return values[i];
  }

  /** The value of a label, or null when absent. */
  public String get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? values[i] : null;
  }

  public String metricName() {
    return get(METRIC_NAME);
  }

  public TreeMap<String, String> toMap() {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return map;
  }

  /** A copy with the label set to a value, or removed when the value is empty. */
  public Labels with(String name, String value) {
    TreeMap<String, String> map = toMap();
    if (value == null || value.isEmpty()) {
      map.remove(name);
    } else {
      map.put(name, value);
    }
    return of(map);
  }

  public Labels without(String name) {
    return get(name) == null ? this : with(name, null);
  }

  /** Drops the metric name and the type-and-unit labels that describe it. */
  public Labels withoutMetricName() {
    return without(METRIC_NAME).without("__type__").without("__unit__");
  }

  /** Only the named labels (used by {@code by} and {@code on}). */
  public Labels keep(Collection<String> keep) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      if (keep.contains(names[i])) {
        map.put(names[i], values[i]);
      }
    }
    return of(map);
  }

  /** All but the named labels (used by {@code without} and {@code ignoring}). */
  public Labels drop(Collection<String> drop) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      if (!drop.contains(names[i])) {
        map.put(names[i], values[i]);
      }
    }
    return of(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels l && Arrays.equals(names, l.names) && Arrays.equals(values, l.values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
      hash = h;
    }
    return h;
  }

  /** Orders label sets as Prometheus does: label by label, name then value, shorter first. */
  @Override
  public int compareTo(Labels o) {
    int n = Math.min(names.length, o.names.length);
    for (int i = 0; i < n; i++) {
      int c = names[i].compareTo(o.names[i]);
      if (c != 0) {
        return c;
      }
      c = values[i].compareTo(o.values[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(names.length, o.names.length);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append("=\"").append(values[i].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }
    return sb.append('}').toString();
  }
}
