package dev.vigil.alerting.routing;

/** The four label matcher operators. */
public enum MatchType {
  EQ("="),
  NEQ("!="),
  RE("=~"),
  NRE("!~");

  private final String operator;

  MatchType(String operator) {
    this.operator = operator;
  }

  /** The operator as written in a selector. */
  public String operator() {
    return operator;
  }

  boolean regex() {
    return this == RE || this == NRE;
  }
}
