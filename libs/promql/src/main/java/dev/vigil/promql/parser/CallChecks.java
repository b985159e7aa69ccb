package dev.vigil.promql.parser;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Function;
import java.util.List;

/** Arity and argument-type checks against the function table, with Prometheus's wording. */
final class CallChecks {

  private CallChecks() {}

  static void check(TokenStream in, Function fn, List<Expr> args, int pos) {
    int n = args.size();
    if (fn.variadic() == 0 && n != fn.argTypes().size()) {
      throw in.error(pos, "expected " + fn.argTypes().size() + " argument(s) in call to \"" + fn.name() + "\", got " + n);
    }
    if (n < fn.minArgs()) {
      throw in.error(pos, "expected at least " + fn.minArgs() + " argument(s) in call to \"" + fn.name() + "\", got " + n);
    }
    if (fn.maxArgs() >= 0 && n > fn.maxArgs()) {
      throw in.error(pos, "expected at most " + fn.maxArgs() + " argument(s) in call to \"" + fn.name() + "\", got " + n);
    }
    for (int i = 0; i < n; i++) {
      Expr arg = args.get(i);
      if (arg.type() != fn.argType(i)) {
        throw in.error(arg.pos(), "expected type " + fn.argType(i) + " in call to function \"" + fn.name() + "\", got " + arg.type());
      }
    }
  }
}
