package dev.vigil.query.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Repeatable {@code attr=key:value} parameters; {@code key:} (empty value) only requires the key. */
public final class AttributeFilters {

  static final int MAX = 20;

  private AttributeFilters() {}

  public static List<Map.Entry<String, String>> parse(List<String> values) {
    List<Map.Entry<String, String>> filters = new ArrayList<>();
    if (values == null) {
      return filters;
    }
    for (String raw : values) {
      int colon = raw == null ? -1 : raw.indexOf(':');
      if (colon <= 0 || raw.substring(0, colon).isBlank()) {
        throw ApiException.badRequest("attr must be key:value, got '" + raw + "'");
      }
      filters.add(Map.entry(raw.substring(0, colon).trim(), raw.substring(colon + 1)));
    }
    if (filters.size() > MAX) {
      throw ApiException.badRequest("at most " + MAX + " attr filters");
    }
    return filters;
  }
}
