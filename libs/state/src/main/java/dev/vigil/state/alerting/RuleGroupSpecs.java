package dev.vigil.state.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.rules.PromDurations;
import dev.vigil.alerting.rules.RuleFiles;
import dev.vigil.alerting.rules.RuleGroup;
import java.util.List;

/**
 * A parsed rule group as it is stored: its interval in whole seconds and its rules as the rule file's
 * JSON. Shared by the API (files and groups users send) and alert-service (files it is given to load).
 */
public final class RuleGroupSpecs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleGroupSpecs() {}

  /** The group as stored under {@code namespace}; what cannot be stored is added to {@code errors}. */
  public static RuleGroupSpec of(String namespace, RuleGroup g, List<String> errors) {
    Integer intervalSeconds = null;
    if (g.interval() != null) {
      if (g.interval().toMillis() % 1000 != 0) {
        errors.add("group \"" + g.name() + "\": interval must be whole seconds, got " + PromDurations.format(g.interval()));
      } else if (g.interval().toSeconds() > Integer.MAX_VALUE) {
        errors.add("group \"" + g.name() + "\": interval is too long");
      } else {
        intervalSeconds = (int) g.interval().toSeconds();
      }
    }
    if (g.queryOffset() != null) {
      // The schema has no place for it yet; accepting it would silently evaluate at another time than asked.
      errors.add("group \"" + g.name() + "\": query_offset is not supported by Vigil yet");
    }
    String rules;
    try {
      rules = JSON.writeValueAsString(RuleFiles.groupMap(g).get("rules"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new RuleGroupSpec(namespace, g.name(), intervalSeconds, g.limit(), rules);
  }
}
