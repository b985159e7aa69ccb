package dev.vigil.promql.ast;

import java.util.List;

/** A function call, already checked against {@link Function}'s signature. */
public record Call(Function function, List<Expr> args, int pos) implements Expr {

  public Call {
    args = List.copyOf(args);
  }

  @Override
  public ValueType type() {
    return function.returnType();
  }
}
