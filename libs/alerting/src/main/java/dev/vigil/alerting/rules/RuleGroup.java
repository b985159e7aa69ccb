package dev.vigil.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A group of rules evaluated one after the other at the same interval.
 *
 * @param interval how often the group is evaluated; null means the server's default (a zero
 *     interval in a file means the same and is stored as null)
 * @param limit the most alerts or series one evaluation may produce; 0 means no limit
 * @param queryOffset how far back in time the group evaluates (Prometheus 2.53+ {@code
 *     query_offset}); null means the server's default
 */
public record RuleGroup(String name, Duration interval, int limit, List<Rule> rules, Duration queryOffset) {

  public RuleGroup {
    Objects.requireNonNull(name, "name");
    interval = interval == null || interval.isZero() ? null : interval;
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** A group without a query offset (the shape most rule files have). */
  public RuleGroup(String name, Duration interval, int limit, List<Rule> rules) {
    this(name, interval, limit, rules, null);
  }
}
