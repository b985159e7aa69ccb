package dev.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A project's alerting through query-service's REST API ({@code /api/v1/projects/{id}/alerting/...}), as the UI uses it. */
final class ProjectAlerting {

  private final VigilApi api;
  private final String base;
  /** What this test created, to remove afterwards (newest first). */
  private final List<String> created = new ArrayList<>();

  ProjectAlerting(VigilApi api, long projectId) {
    this.api = api;
    this.base = "/projects/" + projectId + "/alerting";
  }

  /** Creates a notification channel ({@code name, type, settings, matchers, groupBy, group…Seconds, sendResolved}). */
  JsonNode createChannel(Map<String, ?> channel) {
    return remembered("/channels/", api.call("POST", base + "/channels", channel, 201));
  }

  /** Creates an error rule ({@code name, trigger, threshold, windowSeconds, …}). */
  JsonNode createErrorRule(Map<String, ?> rule) {
    return remembered("/error-rules/", api.call("POST", base + "/error-rules", rule, 201));
  }

  JsonNode errorRule(long id) {
    return api.get(base + "/error-rules/" + id);
  }

  /** Uploads a Prometheus rule file as namespace {@code namespace}; answers the groups it now holds. */
  JsonNode putRuleFile(String namespace, String yaml) {
    JsonNode groups = api.putText(base + "/rule-files/" + namespace, "application/yaml", yaml);
    created.add(0, base + "/rule-files/" + namespace);
    return groups;
  }

  /**
   * Deletes the channels, rules and rule files this test created: the suite shares PostgreSQL with other
   * test runs, whose alert-service would otherwise keep evaluating them and delivering to a closed capture server.
   */
  void removeCreated() {
    for (String path : created) {
      try {
        api.call("DELETE", path, null, 204);
      } catch (RuntimeException | AssertionError e) {
        System.err.println("could not remove " + path + ": " + e.getMessage());
      }
    }
    created.clear();
  }

  private JsonNode remembered(String collection, JsonNode answer) {
    created.add(0, base + collection + answer.path("id").asLong());
    return answer;
  }

  /** The alerts in {@code state} (firing, pending, resolved or all). */
  JsonNode alerts(String state) {
    return api.get(base + "/alerts?state=" + state);
  }

  /** The project's rule groups, each with its last evaluation ({@code lastEvaluationAt}, {@code lastError}). */
  JsonNode ruleGroups() {
    return api.get(base + "/rule-groups");
  }

  /** The delivery log of one channel, newest first. */
  JsonNode deliveries(long channelId) {
    return api.get(base + "/deliveries?channelId=" + channelId + "&limit=50");
  }

  /** What alert-service and the API say about the project's alerting, for a failure message. */
  String describe() {
    StringBuilder out = new StringBuilder();
    for (String path : new String[] {"/rule-groups", "/error-rules", "/alerts?state=all", "/deliveries?limit=20"}) {
      String answer;
      try {
        answer = String.valueOf(api.get(base + path));
      } catch (RuntimeException | AssertionError e) {
        answer = "(" + e.getMessage() + ")";
      }
      out.append("\nGET ").append(base).append(path).append(" → ").append(answer);
    }
    return out.toString();
  }
}
