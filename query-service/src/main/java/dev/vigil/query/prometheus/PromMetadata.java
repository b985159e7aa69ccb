package dev.vigil.query.prometheus;

import dev.vigil.storage.clickhouse.read.metrics.MetricName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's {@code /api/v1/metadata} document from the catalogue's series names: one entry per
 * metric family ({@code {"http_server_duration_seconds":[{"type":"histogram","help":"…","unit":"seconds"}]}}).
 * Clients look a series up by its name and then without a {@code _bucket}/{@code _count}/{@code _sum}/{@code _total}
 * suffix, so a series whose name is neither its family nor family plus such a suffix is listed under
 * its own name too.
 */
public final class PromMetadata {

  /** One metadata entry, as Prometheus writes it. */
  public record Entry(String type, String help, String unit) {}

  private static final List<String> SUFFIXES = List.of("", "_bucket", "_count", "_sum", "_total", "_created");

  private PromMetadata() {}

  /**
   * The metadata of the names (sorted by name), at most {@code limit} metrics and {@code perMetric}
   * entries each; only {@code metric} when given.
   */
  public static Map<String, List<Entry>> of(List<MetricName> names, String metric, int limit, int perMetric) {
    Map<String, List<Entry>> byMetric = new LinkedHashMap<>();
    for (MetricName n : names) {
      Entry entry = new Entry(n.type() == null || n.type().isEmpty() ? "unknown" : n.type(), nullToEmpty(n.help()), nullToEmpty(n.unit()));
      String family = n.family() == null || n.family().isEmpty() ? n.name() : n.family();
      add(byMetric, family, entry);
      String suffix = suffixOf(n.name(), family);
      if (suffix == null || !SUFFIXES.contains(suffix)) {
        add(byMetric, n.name(), entry);
      }
    }
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    byMetric.entrySet().stream()
        .filter(e -> metric == null || e.getKey().equals(metric))
        .sorted(Map.Entry.comparingByKey())
        .limit(limit)
        .forEach(e -> out.put(e.getKey(), e.getValue().subList(0, Math.min(perMetric, e.getValue().size()))));
    return out;
  }

  private static void add(Map<String, List<Entry>> byMetric, String name, Entry entry) {
    List<Entry> entries = byMetric.computeIfAbsent(name, k -> new ArrayList<>());
    if (!entries.contains(entry)) {
      entries.add(entry);
    }
  }

  /** What follows the family in the name, or null when the name does not start with it. */
  private static String suffixOf(String name, String family) {
    return name.startsWith(family) ? name.substring(family.length()) : null;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
