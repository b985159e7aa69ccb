package dev.vigil.query.alerting;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import dev.vigil.alerting.rules.AlertingRule;
import dev.vigil.alerting.rules.RecordingRule;
import dev.vigil.alerting.rules.Rule;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.state.alerting.AlertInstance;
import dev.vigil.state.alerting.AlertRuleGroup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of Prometheus's {@code /api/v1/rules} and {@code /api/v1/alerts} answers, field for field, so
 * that Grafana's alert list and other Prometheus clients read Vigil's rules and alerts.
 */
public final class PrometheusRules {

  /** What Prometheus answers for a rule never evaluated (Go's zero time). */
  static final String NEVER = "0001-01-01T00:00:00Z";

  /** The interval a group without its own is evaluated at (alert-service's default, Prometheus's too). */
  static final int DEFAULT_INTERVAL_SECONDS = 60;

  /** Which rules an answer holds: Prometheus's {@code type}, {@code rule_name[]}, {@code rule_group[]}, {@code file[]}, {@code exclude_alerts}. */
  public record Filter(String type, Set<String> ruleNames, Set<String> groupNames, Set<String> files, boolean excludeAlerts) {}

  private PrometheusRules() {}

  /** The {@code data} of /api/v1/rules. */
  public static Map<String, Object> rules(List<AlertRuleGroup> groups, List<AlertInstance> alerts, Filter filter) {
    List<Object> out = new ArrayList<>();
    for (AlertRuleGroup stored : groups) {
      if (!filter.groupNames().isEmpty() && !filter.groupNames().contains(stored.name())
          || !filter.files().isEmpty() && !filter.files().contains(stored.namespace())) {
        continue;
      }
      RuleGroup group = RuleGroupDocuments.toRuleGroup(stored);
      List<Object> rules = new ArrayList<>();
      for (int i = 0; i < group.rules().size(); i++) {
        Rule rule = group.rules().get(i);
        if (!filter.ruleNames().isEmpty() && !filter.ruleNames().contains(rule.name())) {
          continue;
        }
        if (rule instanceof AlertingRule a && !"record".equals(filter.type())) {
          rules.add(alerting(stored, a, of(ruleKey(stored, i, a), alerts), filter.excludeAlerts()));
        } else if (rule instanceof RecordingRule r && !"alert".equals(filter.type())) {
          rules.add(recording(stored, r));
        }
      }
      // Prometheus leaves out groups whose rules were all filtered away, but only when filtering.
      if (rules.isEmpty() && (filter.type() != null || !filter.ruleNames().isEmpty())) {
        continue;
      }
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("name", stored.name());
      g.put("file", stored.namespace());
      g.put("rules", rules);
      g.put("interval", stored.intervalSeconds() == null ? DEFAULT_INTERVAL_SECONDS : stored.intervalSeconds());
      g.put("limit", stored.limit());
      g.put("evaluationTime", seconds(stored));
      g.put("lastEvaluation", lastEvaluation(stored));
      out.add(g);
    }
    return Map.of("groups", out);
  }

  /** The {@code data} of /api/v1/alerts: every pending and firing alert. */
  public static Map<String, Object> alerts(List<AlertInstance> alerts) {
    List<Object> out = new ArrayList<>();
    for (AlertInstance a : alerts) {
      if (!a.state().equals("resolved")) {
        out.add(alert(a));
      }
    }
    return Map.of("alerts", out);
  }

  /** A sample value as Prometheus writes an alert's: Go's {@code strconv.FormatFloat(v, 'e', -1, 64)}. */
  static String value(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0e+00" : "0e+00";
    }
    BigDecimal d = new BigDecimal(DoubleToDecimal.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - d.scale();
    StringBuilder out = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int e = Math.abs(exponent);
    return out.append('e').append(exponent < 0 ? '-' : '+').append(e < 10 ? "0" : "").append(e).toString();
  }

  private static Map<String, Object> alerting(AlertRuleGroup stored, AlertingRule a, List<AlertInstance> active, boolean excludeAlerts) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("state", state(active));
    r.put("name", a.alert());
    r.put("query", a.expr());
    r.put("duration", a.forDuration().toMillis() / 1000.0);
    r.put("keepFiringFor", a.keepFiringFor().toMillis() / 1000.0);
    r.put("labels", a.labels());
    r.put("annotations", a.annotations());
    if (!excludeAlerts) {
      r.put("alerts", active.stream().map(PrometheusRules::alert).toList());
    }
    health(r, stored);
    r.put("type", "alerting");
    return r;
  }

  private static Map<String, Object> recording(AlertRuleGroup stored, RecordingRule rule) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", rule.record());
    r.put("query", rule.expr());
    if (!rule.labels().isEmpty()) {
      r.put("labels", rule.labels());
    }
    health(r, stored);
    r.put("type", "recording");
    return r;
  }

  private static void health(Map<String, Object> r, AlertRuleGroup g) {
    r.put("health", g.lastEvaluationAt() == null ? "unknown" : g.lastError() == null ? "ok" : "err");
    r.put("lastError", g.lastError() == null ? "" : g.lastError());
    // The evaluator times whole groups; a rule's own time is not known.
    r.put("evaluationTime", 0);
    r.put("lastEvaluation", lastEvaluation(g));
  }

  private static Map<String, Object> alert(AlertInstance a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("labels", a.labels());
    out.put("annotations", a.annotations());
    out.put("state", a.state());
    out.put("activeAt", a.activeAt());
    if (a.keepFiringSince() != null) {
      out.put("keepFiringSince", a.keepFiringSince());
    }
    out.put("value", value(a.value()));
    return out;
  }

  /** The key alert-service keeps a rule's alerts under: the group, the rule's position in it, its name. */
  public static String ruleKey(AlertRuleGroup g, int index, AlertingRule rule) {
    return "group:" + g.id() + "/" + index + "/" + rule.alert();
  }

  /** The pending and firing alerts of the rule. */
  private static List<AlertInstance> of(String ruleKey, List<AlertInstance> alerts) {
    return alerts.stream().filter(a -> !a.state().equals("resolved") && a.ruleKey().equals(ruleKey)).toList();
  }

  private static String state(List<AlertInstance> active) {
    if (active.stream().anyMatch(a -> a.state().equals("firing"))) {
      return "firing";
    }
    return active.isEmpty() ? "inactive" : "pending";
  }

  private static double seconds(AlertRuleGroup g) {
    return g.lastEvaluationMs() == null ? 0 : g.lastEvaluationMs() / 1000.0;
  }

  private static Object lastEvaluation(AlertRuleGroup g) {
    Instant at = g.lastEvaluationAt();
    return at == null ? NEVER : at;
  }
}
