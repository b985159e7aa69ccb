package dev.vigil.alert.rules;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.state.AlertBook;
import dev.vigil.alerting.rules.AlertingRule;
import dev.vigil.alerting.rules.RecordingRule;
import dev.vigil.alerting.rules.Rule;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.alerting.state.AlertEvaluation;
import dev.vigil.alerting.state.AlertSample;
import dev.vigil.alerting.state.AlertingRuleSpec;
import dev.vigil.alerting.state.AlertsSeries;
import dev.vigil.alerting.state.EvaluationOutcome;
import dev.vigil.alerting.state.RuleResult;
import dev.vigil.alerting.templates.AlertTemplates;
import dev.vigil.alerting.templates.TemplateData;
import dev.vigil.promql.engine.Deadline;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.read.metrics.ClickHouseSeriesSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one rule group at one instant, as Prometheus's rule manager does: rules in order, each a
 * PromQL instant query over the project's metrics; recording rules write their result back as a new
 * series (so later rules of the group see it), alerting rules move their alerts through the state
 * machine and write ALERTS / ALERTS_FOR_STATE. A failing rule does not stop the group; the group
 * reports the first error.
 */
final class RuleGroupEvaluator {

  private final ClickHouseStorage storage;
  private final SeriesWriteBack writeBack;
  private final AlertBook book;
  private final AlertingConfig config;

  RuleGroupEvaluator(ClickHouseStorage storage, SeriesWriteBack writeBack, AlertBook book, AlertingConfig config) {
    this.storage = storage;
    this.writeBack = writeBack;
    this.book = book;
    this.config = config;
  }

  /** The key alert state and written series are kept under for the group's rule at {@code index}. */
  static String ruleKey(long groupId, int index, Rule rule) {
    String name = rule instanceof AlertingRule a ? a.alert() : ((RecordingRule) rule).record();
    return "group:" + groupId + "/" + index + "/" + name;
  }

  /** Evaluates every rule; the first rule's error, or null when all succeeded. */
  String evaluate(long projectId, long groupId, RuleGroup group, Instant at) {
    EngineOptions options = new EngineOptions(
        EngineOptions.defaults().lookbackDelta(), EngineOptions.defaults().defaultSubqueryStep(), config.maxSeries(), config.maxSamples());
    String firstError = null;
    List<Rule> rules = group.rules();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String key = ruleKey(groupId, i, rule);
      try {
        Instant deadline = Instant.now().plus(config.queryTimeout());
        Engine engine = new Engine(new ClickHouseSeriesSource(storage, projectId, options, deadline), options, Deadline.at(deadline));
        if (rule instanceof RecordingRule r) {
          record(projectId, key, r, RuleResults.of(engine.instantQuery(r.expr(), at.toEpochMilli())), at, group.limit());
        } else {
          AlertingRule a = (AlertingRule) rule;
          alert(projectId, key, a, RuleResults.of(engine.instantQuery(a.expr(), at.toEpochMilli())), at, group.limit());
        }
      } catch (RuntimeException e) {
        if (firstError == null) {
          firstError = "rule " + (i + 1) + " (" + key.substring(key.lastIndexOf('/') + 1) + "): " + e.getMessage();
        }
      }
    }
    return firstError;
  }

  private void record(long projectId, String key, RecordingRule rule, List<RuleResult> results, Instant at, int limit) {
    if (limit > 0 && results.size() > limit) {
      throw new IllegalStateException("exceeded limit of " + limit + " with " + results.size() + " series");
    }
    List<SeriesWriteBack.Point> points = new ArrayList<>();
    for (RuleResult r : results) {
      Map<String, String> labels = new HashMap<>(r.labels());
      labels.putAll(rule.labels());
      points.add(new SeriesWriteBack.Point(rule.record(), labels, r.value()));
    }
    writeBack.write(projectId, key, points, at.toEpochMilli());
  }

  private void alert(long projectId, String key, AlertingRule rule, List<RuleResult> results, Instant at, int limit) {
    AlertingRuleSpec spec = new AlertingRuleSpec(rule.alert(), rule.forDuration(), rule.keepFiringFor(), rule.labels(), rule.annotations());
    // Templates see $labels, $value and $externalURL; errors in them name the alert, as Prometheus's do.
    AlertEvaluation evaluation = new AlertEvaluation(
        (text, labels, value) -> AlertTemplates.expand(rule.alert(), text, new TemplateData(labels, value, Map.of(), config.externalUrl())));
    EvaluationOutcome outcome = evaluation.next(spec, book.alerts(key), results, at, limit);
    if (!book.record(key, projectId, rule.alert(), outcome)) {
      throw new IllegalStateException("this replica no longer leads; the new leader evaluates the group");
    }
    List<SeriesWriteBack.Point> points = new ArrayList<>();
    for (AlertSample s : AlertsSeries.samples(outcome.alerts().values())) {
      points.add(new SeriesWriteBack.Point(s.metric(), s.labels(), s.value()));
    }
    writeBack.write(projectId, key, points, at.toEpochMilli());
  }

  static Duration interval(RuleGroup group, Duration fallback) {
    return group.interval() == null ? fallback : group.interval();
  }
}
