package dev.vigil.alert.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.rules.RuleFileException;
import dev.vigil.alerting.rules.RuleFiles;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.state.alerting.AlertRuleGroup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored rule groups parsed into rules, once per version. The JSON in PostgreSQL was validated when it
 * was saved; a group that no longer parses is reported as that group's error without failing others.
 */
final class RuleGroups {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Parsed(int version, RuleGroup group, String error) {}

  private final Map<Long, Parsed> cache = new ConcurrentHashMap<>();

  /** The group's rules, or throws with the reason it cannot be evaluated. */
  RuleGroup parse(AlertRuleGroup stored) {
    Parsed p = cache.get(stored.id());
    if (p == null || p.version() != stored.version()) {
      p = parseNow(stored);
      cache.put(stored.id(), p);
    }
    if (p.error() != null) {
      throw new IllegalStateException(p.error());
    }
    return p.group();
  }

  private static Parsed parseNow(AlertRuleGroup stored) {
    try {
      ObjectNode group = JSON.createObjectNode().put("name", stored.name()).put("limit", stored.limit());
      if (stored.intervalSeconds() != null) {
        group.put("interval", stored.intervalSeconds() + "s");
      }
      group.set("rules", JSON.readTree(stored.rulesJson()));
      return new Parsed(stored.version(), RuleFiles.parseGroupJson(JSON.writeValueAsString(group)), null);
    } catch (RuleFileException e) {
      return new Parsed(stored.version(), null, String.join("; ", e.getErrors()));
    } catch (JsonProcessingException e) {
      return new Parsed(stored.version(), null, "unreadable rules: " + e.getOriginalMessage());
    }
  }
}
