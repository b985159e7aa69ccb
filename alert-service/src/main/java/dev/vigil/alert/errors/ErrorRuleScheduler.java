package dev.vigil.alert.errors;

import dev.vigil.alert.AlertingMetrics;
import dev.vigil.alert.leader.LeaderElection;
import dev.vigil.alert.state.AlertBook;
import dev.vigil.alerting.state.AlertEvaluation;
import dev.vigil.alerting.state.AlertingRuleSpec;
import dev.vigil.alerting.state.EvaluationOutcome;
import dev.vigil.state.alerting.ErrorAlertRule;
import dev.vigil.state.alerting.ErrorAlertRules;
import dev.vigil.state.alerting.runtime.IssueSignal;
import dev.vigil.state.alerting.runtime.IssueSignals;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.alerting.ErrorRuleReads;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Evaluates every project's error rules every few seconds on the leader, through the same alert state
 * machine as PromQL rules (for = 0: an alert fires at once). A new-issue or regression alert stays
 * firing for the rule's window and then resolves quietly: the dispatcher does not notify resolutions
 * of these one-off events.
 */
@ApplicationScoped
class ErrorRuleScheduler {

  static final String KEY_PREFIX = "error:";
  /** Annotation texts the templater replaces with the issue's own (titles are not labels: they change). */
  static final String ISSUE_TITLE = "{{ issue.title }}";
  static final String ISSUE_CULPRIT = "{{ issue.culprit }}";

  private static final Logger LOG = Logger.getLogger(ErrorRuleScheduler.class);
  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);

  private final ErrorAlertRules rules;
  private final LeaderElection leader;
  private final AlertBook book;
  private final ErrorRuleResults results;
  private final AlertingMetrics metrics;

  ErrorRuleScheduler(
      ErrorAlertRules rules, LeaderElection leader, AlertBook book, IssueSignals issues, ClickHouseStorage storage, AlertingMetrics metrics) {
    this.metrics = metrics;
    this.rules = rules;
    this.leader = leader;
    this.book = book;
    this.results = new ErrorRuleResults(issues, new ErrorRuleReads(storage));
  }

  @Scheduled(every = "${vigil.alerting.error-rule-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (!leader.isLeader()) {
      return;
    }
    List<ErrorAlertRule> enabled;
    try {
      book.refreshIfNewTerm();
      enabled = rules.allEnabled().await().atMost(PG_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warnf("error rules not evaluated: PostgreSQL unavailable? %s", e.getMessage());
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Set<String> keys = new HashSet<>();
    for (ErrorAlertRule rule : enabled) {
      keys.add(KEY_PREFIX + rule.id());
      String error = null;
      long started = System.nanoTime();
      try {
        evaluate(rule, now);
      } catch (RuntimeException e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.debugf("error rule %d: %s", rule.id(), error);
      }
      metrics.evaluation("error_rule", Duration.ofNanos(System.nanoTime() - started), error != null);
      try {
        rules.recordEvaluation(rule.id(), now, error).await().atMost(PG_TIMEOUT);
      } catch (RuntimeException e) {
        LOG.debugf("evaluation of error rule %d not recorded: %s", rule.id(), e.getMessage());
      }
    }
    book.retainRules(KEY_PREFIX, keys);
  }

  private void evaluate(ErrorAlertRule rule, Instant now) {
    ErrorRuleResults.Evaluated evaluated = results.evaluate(rule, now);
    Map<String, IssueSignal> issues = evaluated.issues();
    AlertEvaluation evaluation = new AlertEvaluation((text, labels, value) -> {
      IssueSignal issue = issues.get(labels.get(ErrorRuleResults.ISSUE_ID));
      if (ISSUE_TITLE.equals(text)) {
        return issue == null ? describe(rule, value) : issue.title();
      }
      if (ISSUE_CULPRIT.equals(text)) {
        return issue == null ? "" : issue.culprit();
      }
      return text;
    });
    AlertingRuleSpec spec = new AlertingRuleSpec(
        rule.name(), Duration.ZERO, Duration.ZERO, rule.labels(), Map.of("summary", ISSUE_TITLE, "description", ISSUE_CULPRIT));
    String key = KEY_PREFIX + rule.id();
    EvaluationOutcome outcome = evaluation.next(spec, book.alerts(key), evaluated.results(), now);
    if (!book.record(key, rule.projectId(), rule.name(), outcome)) {
      throw new IllegalStateException("this replica no longer leads");
    }
  }

  private static String describe(ErrorAlertRule rule, double value) {
    return String.format("%d events in the last %s", (long) value, Duration.ofSeconds(rule.windowSeconds()).toString().substring(2).toLowerCase());
  }
}
