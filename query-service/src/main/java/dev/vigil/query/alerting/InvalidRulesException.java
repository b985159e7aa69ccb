package dev.vigil.query.alerting;

import java.util.List;

/** Rules Prometheus would reject: answered 400 with every problem, each naming its group and rule. */
public final class InvalidRulesException extends RuntimeException {

  private final List<String> errors;

  public InvalidRulesException(String detail, List<String> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
