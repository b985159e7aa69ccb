package dev.vigil.sentry.grouping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * The issue an event belongs to and why.
 *
 * @param hash hex MD5 of the contributing components; equal hashes mean the same issue
 * @param config the grouping rules' version, stored with the issue so rules can evolve
 * @param variant which rule decided: "fingerprint", "app" (in-app frames), "system" (all frames),
 *     "message" or "fallback"
 * @param type the main exception's type, "message" or "default"
 */
public record GroupingResult(
    String hash,
    String config,
    String variant,
    List<GroupingComponent> components,
    String title,
    String culprit,
    String type) {

  public GroupingResult {
    components = List.copyOf(components);
  }

  /** The components as a JSON array, for storing next to the issue and showing in the UI. */
  public String componentsJson() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ArrayNode array = nodes.arrayNode();
    components.forEach(c -> array.add(c.toJson(nodes)));
    return array.toString();
  }
}
