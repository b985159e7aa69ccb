package dev.vigil.alerting.rules;

import java.util.List;

/**
 * A rule file (or a group sent as JSON) that Prometheus would reject. Lists every problem found, each
 * naming the group and rule the way promtool does, e.g. {@code 12:11: group "api", rule 2,
 * "HighErrorRate": could not parse expression: 1:5: parse error: ...}.
 */
public final class RuleFileException extends Exception {

  private final List<String> errors;

  public RuleFileException(List<String> errors) {
    super(errors.size() == 1 ? errors.get(0) : errors.size() + " problems: " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Every problem, in file order. */
  public List<String> getErrors() {
    return errors;
  }
}
