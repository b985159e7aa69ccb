package dev.vigil.sentry.grouping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One node of the explanation of a grouping hash: a leaf holds a value that went into the hash (or
 * was ignored, with a hint saying why); a group holds children and contributes when any child does.
 */
public record GroupingComponent(
    String id, boolean contributes, String hint, String value, List<GroupingComponent> values) {

  public GroupingComponent {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** A leaf that contributes its value. */
  static GroupingComponent leaf(String id, String value) {
    return new GroupingComponent(id, true, null, value, List.of());
  }

  /** A leaf that was looked at and not used, with the reason. */
  static GroupingComponent ignored(String id, String value, String hint) {
    return new GroupingComponent(id, false, hint, value, List.of());
  }

  /** A group that contributes when any of its children does. */
  static GroupingComponent group(String id, List<GroupingComponent> children) {
    boolean contributes = children.stream().anyMatch(GroupingComponent::contributes);
    return new GroupingComponent(id, contributes, null, null, children);
  }

  /** The same component, not contributing, with the reason. */
  GroupingComponent withoutContribution(String hint) {
    return new GroupingComponent(id, false, hint, value, values);
  }

  /** The same component with a hint explaining why it contributes. */
  GroupingComponent withHint(String hint) {
    return new GroupingComponent(id, contributes, hint, value, values);
  }

  /** Appends the contributing leaves as "id=value" lines: the hash input. */
  void appendHashInput(StringBuilder out) {
    if (!contributes) {
      return;
    }
    if (values.isEmpty()) {
      out.append(id).append('=').append(value == null ? "" : value).append('\n');
    } else {
      values.forEach(child -> child.appendHashInput(out));
    }
  }

  ObjectNode toJson(JsonNodeFactory nodes) {
    ObjectNode json = nodes.objectNode();
    json.put("id", id);
    json.put("contributes", contributes);
    if (hint != null) {
      json.put("hint", hint);
    }
    if (value != null) {
      json.put("value", value);
    }
    if (!values.isEmpty()) {
      var children = json.putArray("values");
      values.forEach(child -> children.add(child.toJson(nodes)));
    }
    return json;
  }
}
