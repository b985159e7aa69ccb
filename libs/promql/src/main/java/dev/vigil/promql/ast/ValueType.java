package dev.vigil.promql.ast;

/** The PromQL type an expression evaluates to; names match Prometheus's error messages. */
public enum ValueType {
  SCALAR("scalar"),
  VECTOR("instant vector"),
  MATRIX("range vector"),
  STRING("string");

  private final String display;

  ValueType(String display) {
    this.display = display;
  }

  @Override
  public String toString() {
    return display;
  }
}
