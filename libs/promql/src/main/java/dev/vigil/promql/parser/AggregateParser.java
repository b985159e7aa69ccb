package dev.vigil.promql.parser;

import dev.vigil.promql.ast.Aggregate;
import dev.vigil.promql.ast.AggregateOp;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Aggregations with {@code by}/{@code without} before or after the arguments. */
final class AggregateParser {

  private final TokenStream in;
  private final SelectorParser selectors;
  private final IntFunction<Expr> expression;

  AggregateParser(TokenStream in, SelectorParser selectors, IntFunction<Expr> expression) {
    this.in = in;
    this.selectors = selectors;
    this.expression = expression;
  }

  /** Parses what follows the operator keyword {@code opToken} (already consumed). */
  Aggregate parse(AggregateOp op, Token opToken) {
    List<String> grouping = List.of();
    Boolean without = null;
    if (in.atKeyword("by") || in.atKeyword("without")) {
      without = in.next().isKeyword("without");
      grouping = selectors.labelList("grouping");
    }
    Token open = in.expect(TokenType.LEFT_PAREN, "aggregation");
    List<Expr> args = new ArrayList<>();
    while (!in.at(TokenType.RIGHT_PAREN)) {
      args.add(expression.apply(0));
      if (!in.accept(TokenType.COMMA)) {
        break;
      }
    }
    in.expect(TokenType.RIGHT_PAREN, "aggregation");
    if (without == null && (in.atKeyword("by") || in.atKeyword("without"))) {
      without = in.next().isKeyword("without");
      grouping = selectors.labelList("grouping");
    }
    int expected = op.paramType() == null ? 1 : 2;
    if (args.size() != expected) {
      throw in.error(open.pos(), "wrong number of arguments for aggregate expression provided, expected " + expected + ", got " + args.size());
    }
    Expr param = expected == 2 ? args.get(0) : null;
    Expr expr = args.get(expected - 1);
    if (expr.type() != ValueType.VECTOR) {
      throw in.error(expr.pos(), "expected type instant vector in aggregation expression, got " + expr.type());
    }
    if (param != null && param.type() != op.paramType()) {
      throw in.error(param.pos(), "expected type " + op.paramType() + " in aggregation parameter, got " + param.type());
    }
    return new Aggregate(op, expr, param, grouping, without != null && without, opToken.pos());
  }
}
