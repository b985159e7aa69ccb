package dev.vigil.alert.errors;

import dev.vigil.alerting.state.RuleResult;
import dev.vigil.state.alerting.ErrorAlertRule;
import dev.vigil.state.alerting.runtime.IssueSignal;
import dev.vigil.state.alerting.runtime.IssueSignals;
import dev.vigil.storage.clickhouse.read.alerting.ErrorRuleReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an error rule "returns" at an instant, shaped like a PromQL rule's result so that the same state
 * machine, grouping and channels handle it: one sample per issue that matches (new, regressed, or seen
 * often enough), or one sample for the project's volume. Each carries {@code trigger} and
 * {@code issue_id} labels; the issues' titles and culprits are kept aside for the annotations.
 */
final class ErrorRuleResults {

  static final String ISSUE_ID = "issue_id";
  static final String TRIGGER = "trigger";
  private static final List<String> LEVELS = List.of("debug", "info", "warning", "error", "fatal");
  private static final int MAX_ISSUES = 100;
  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);

  /** The samples, and per issue id what the annotations show. */
  record Evaluated(List<RuleResult> results, Map<String, IssueSignal> issues) {}

  private final IssueSignals issues;
  private final ErrorRuleReads counts;

  ErrorRuleResults(IssueSignals issues, ErrorRuleReads counts) {
    this.issues = issues;
    this.counts = counts;
  }

  Evaluated evaluate(ErrorAlertRule rule, Instant now) {
    Instant windowStart = now.minusSeconds(rule.windowSeconds());
    // A rule only reports what happened after it was created, not an old backlog.
    Instant since = windowStart.isBefore(rule.createdAt()) ? rule.createdAt() : windowStart;
    List<String> levels = levelsFrom(rule.minLevel());
    return switch (rule.trigger()) {
      case "new_issue" -> filtered(rule, issues.createdSince(rule.projectId(), since, MAX_ISSUES).await().atMost(PG_TIMEOUT), levels, since);
      case "regression" -> filtered(rule, issues.regressedSince(rule.projectId(), since, MAX_ISSUES).await().atMost(PG_TIMEOUT), levels, since);
      case "frequency" -> frequency(rule, windowStart, levels);
      case "volume" -> volume(rule, windowStart, levels);
      default -> throw new IllegalStateException("unknown trigger " + rule.trigger());
    };
  }

  private Evaluated filtered(ErrorAlertRule rule, List<IssueSignal> candidates, List<String> levels, Instant since) {
    List<IssueSignal> matching = candidates.stream().filter(i -> levels.isEmpty() || levels.contains(i.level())).toList();
    if (rule.environment() != null && !matching.isEmpty()) {
      // The issue's level is its first event's; the environment is per event, so ask ClickHouse.
      Set<Long> inEnvironment = counts.issuesWithMatchingEvents(
          rule.projectId(), matching.stream().map(IssueSignal::issueId).toList(), since.minusSeconds(60), rule.environment(), levels);
      matching = matching.stream().filter(i -> inEnvironment.contains(i.issueId())).toList();
    }
    List<RuleResult> results = new ArrayList<>();
    Map<String, IssueSignal> byId = new HashMap<>();
    for (IssueSignal i : matching) {
      results.add(new RuleResult(labels(rule, i.issueId()), 1));
      byId.put(String.valueOf(i.issueId()), i);
    }
    return new Evaluated(results, byId);
  }

  private Evaluated frequency(ErrorAlertRule rule, Instant windowStart, List<String> levels) {
    Map<Long, Long> seen = counts.issuesSeenAtLeast(rule.projectId(), windowStart, rule.environment(), levels, rule.threshold());
    List<RuleResult> results = new ArrayList<>();
    Map<String, IssueSignal> byId = new HashMap<>();
    if (!seen.isEmpty()) {
      for (IssueSignal i : issues.issues(rule.projectId(), seen.keySet()).await().atMost(PG_TIMEOUT)) {
        results.add(new RuleResult(labels(rule, i.issueId()), seen.get(i.issueId())));
        byId.put(String.valueOf(i.issueId()), i);
      }
    }
    return new Evaluated(results, byId);
  }

  private Evaluated volume(ErrorAlertRule rule, Instant windowStart, List<String> levels) {
    long n = counts.eventCount(rule.projectId(), windowStart, rule.environment(), levels);
    List<RuleResult> results = n >= rule.threshold() ? List.of(new RuleResult(Map.of(TRIGGER, rule.trigger()), n)) : List.of();
    return new Evaluated(results, Map.of());
  }

  private static Map<String, String> labels(ErrorAlertRule rule, long issueId) {
    return Map.of(TRIGGER, rule.trigger(), ISSUE_ID, String.valueOf(issueId));
  }

  /** The levels at or above {@code minLevel}; empty for no filter. */
  static List<String> levelsFrom(String minLevel) {
    if (minLevel == null) {
      return List.of();
    }
    int from = LEVELS.indexOf(minLevel);
    return from < 0 ? List.of() : LEVELS.subList(from, LEVELS.size());
  }
}
