package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AggregateOp;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.DurationExpr;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Function;
import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.Paren;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.Subquery;
import dev.vigil.promql.ast.Unary;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written recursive-descent PromQL parser (see RATIONALE.md). Binary operators are parsed by
 * precedence climbing; postfix modifiers ({@code [range]}, {@code [range:step]}, {@code offset},
 * {@code @}) bind to the primary expression before them.
 */
public final class Parser {

  private final TokenStream in;
  private final SelectorParser selectors;
  private final DurationParser durations;
  private final BinaryParser binaries;
  /** True while parsing info()'s label-selector argument, which may match the empty string. */
  private boolean allowEmptySelector;

  private Parser(String query) {
    this.in = new TokenStream(query);
    this.selectors = new SelectorParser(in);
    this.durations = new DurationParser(in);
    this.binaries = new BinaryParser(in, selectors);
  }

  /** Parses a whole query; throws {@link ParseException} with the position of the first error. */
  public static Expr parse(String query) {
    Parser parser = new Parser(query);
    if (parser.in.at(TokenType.EOF)) {
      throw parser.in.error(0, "no expression found in input");
    }
    Expr expr = parser.expression(0);
    if (!parser.in.at(TokenType.EOF)) {
      throw parser.in.unexpected(null, "end of input or binary operator");
    }
    return expr;
  }

  /** Parses a label selector such as {@code up{job="a"}} (used by /api/v1/series match[]). */
  public static VectorSelector parseSelector(String selector) {
    Expr expr = parse(selector);
    if (expr instanceof VectorSelector vs) {
      return vs;
    }
    throw new ParseException(selector, 0, "expected a vector selector, got " + expr.type());
  }

  private Expr expression(int minPrecedence) {
    Expr lhs = unary();
    while (true) {
      BinaryOp op = BinaryParser.operatorAt(in.peek());
      if (op == null || op.precedence() < minPrecedence) {
        return lhs;
      }
      Token opToken = in.next();
      BinaryParser.Modifiers mods = binaries.modifiers(op);
      Expr rhs = expression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
      lhs = binaries.build(op, opToken, lhs, rhs, mods);
    }
  }

  private Expr unary() {
    Token t = in.peek();
    if (t.is(TokenType.SUB) || t.is(TokenType.ADD)) {
      in.next();
      Expr operand = expression(BinaryOp.POW.precedence());
      if (operand.type() != ValueType.SCALAR && operand.type() != ValueType.VECTOR) {
        throw in.error(t.pos(), "unary expression only allowed on expressions of type scalar or instant vector, got \"" + operand.type() + "\"");
      }
      boolean negate = t.is(TokenType.SUB);
      if (operand instanceof NumberLiteral n) {
        return new NumberLiteral(negate ? -n.value() : n.value(), t.pos());
      }
      return negate ? new Unary(true, operand, t.pos()) : operand;
    }
    return postfix(primary());
  }

  private Expr postfix(Expr expr) {
    while (true) {
      Token t = in.peek();
      if (t.is(TokenType.LEFT_BRACKET)) {
        expr = rangeOrSubquery(expr);
      } else if (t.isKeyword("offset")) {
        in.next();
        expr = withOffset(expr, durations.offsetTerm(), t);
      } else if (t.is(TokenType.AT)) {
        in.next();
        expr = withAt(expr, atModifier(), t);
      } else if ((t.isKeyword("anchored") || t.isKeyword("smoothed")) && expr instanceof MatrixSelector m) {
        in.next();
        expr = m.withModifier(t.text().toLowerCase(java.util.Locale.ROOT));
      } else if (t.isKeyword("smoothed") && expr instanceof VectorSelector vs) {
        in.next();
        expr = vs.withSmoothed();
      } else {
        return expr;
      }
    }
  }

  private Expr rangeOrSubquery(Expr expr) {
    Token open = in.expect(TokenType.LEFT_BRACKET, null);
    DurationExpr range = durations.expression();
    if (in.accept(TokenType.COLON)) {
      DurationExpr step = in.at(TokenType.RIGHT_BRACKET) ? null : durations.expression();
      in.expect(TokenType.RIGHT_BRACKET, "subquery selector");
      if (expr.type() != ValueType.VECTOR) {
        throw in.error(open.pos(), "subquery is only allowed on instant vector, got " + expr.type() + " instead");
      }
      return new Subquery(expr, range, step, null, null, expr.pos());
    }
    in.expect(TokenType.RIGHT_BRACKET, "range selector");
    if (!(expr instanceof VectorSelector vs)) {
      throw in.error(open.pos(), "ranges only allowed for vector selectors");
    }
    if (vs.offset() != null || vs.at() != null) {
      throw in.error(open.pos(), "no offset or @ modifiers allowed before range");
    }
    if (range.isConstant() && range.millis(0, 0) <= 0) {
      throw in.error(open.pos(), "range selector duration must be greater than 0");
    }
    return new MatrixSelector(vs, range, false, false, vs.pos());
  }

  private Expr withOffset(Expr expr, DurationExpr offset, Token at) {
    String twice = "offset may not be set multiple times";
    if (expr instanceof VectorSelector vs) {
      if (vs.offset() != null) {
        throw in.error(at.pos(), twice);
      }
      return vs.withOffset(offset);
    }
    if (expr instanceof MatrixSelector m) {
      if (m.selector().offset() != null) {
        throw in.error(at.pos(), twice);
      }
      return m.withSelector(m.selector().withOffset(offset));
    }
    if (expr instanceof Subquery s) {
      if (s.offset() != null) {
        throw in.error(at.pos(), twice);
      }
      return s.withOffset(offset);
    }
    throw in.error(at.pos(), "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
  }

  private Expr withAt(Expr expr, AtModifier at, Token token) {
    String twice = "@ <timestamp> may not be set multiple times";
    if (expr instanceof VectorSelector vs) {
      if (vs.at() != null) {
        throw in.error(token.pos(), twice);
      }
      return vs.withAt(at);
    }
    if (expr instanceof MatrixSelector m) {
      if (m.selector().at() != null) {
        throw in.error(token.pos(), twice);
      }
      return m.withSelector(m.selector().withAt(at));
    }
    if (expr instanceof Subquery s) {
      if (s.at() != null) {
        throw in.error(token.pos(), twice);
      }
      return s.withAt(at);
    }
    throw in.error(token.pos(), "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
  }

  private AtModifier atModifier() {
    Token t = in.peek();
    if ((t.isKeyword("start") || t.isKeyword("end")) && in.peek(1).is(TokenType.LEFT_PAREN)) {
      in.next();
      in.next();
      in.expect(TokenType.RIGHT_PAREN, "@ modifier");
      return new AtModifier(t.isKeyword("start") ? AtModifier.Kind.START : AtModifier.Kind.END, 0);
    }
    double sign = 1;
    if (in.accept(TokenType.SUB)) {
      sign = -1;
    } else {
      in.accept(TokenType.ADD);
    }
    Token n = in.peek();
    double seconds;
    if (n.is(TokenType.NUMBER)) {
      seconds = Numbers.parse(n.text());
    } else if (n.is(TokenType.DURATION)) {
      seconds = Durations.parseMillis(n.text()) / 1000.0;
    } else {
      throw in.unexpected("@ modifier", "timestamp, start() or end()");
    }
    in.next();
    double millis = sign * seconds * 1000;
    if (Double.isNaN(millis) || Double.isInfinite(millis) || Math.abs(millis) > 9.2e18) {
      throw in.error(n.pos(), "timestamp out of bounds for @ modifier: " + sign * seconds);
    }
    return AtModifier.at(Math.round(millis));
  }

  private Expr primary() {
    Token t = in.peek();
    switch (t.type()) {
      case NUMBER -> {
        in.next();
        return new NumberLiteral(Numbers.parse(t.text()), t.pos());
      }
      case DURATION -> {
        in.next();
        return new NumberLiteral(Durations.parseMillis(t.text()) / 1000.0, t.pos());
      }
      case STRING -> {
        in.next();
        return new StringLiteral(t.text(), t.pos());
      }
      case LEFT_PAREN -> {
        in.next();
        Expr inner = expression(0);
        in.expect(TokenType.RIGHT_PAREN, "paren expression");
        return new Paren(inner, t.pos());
      }
      case LEFT_BRACE -> {
        return selector(null, t.pos());
      }
      case IDENTIFIER -> {
        return identifier(t);
      }
      default -> throw in.unexpected(null, "expression");
    }
  }

  private Expr identifier(Token t) {
    Token after = in.peek(1);
    AggregateOp agg = AggregateOp.fromKeyword(t.text());
    if (agg != null && (after.is(TokenType.LEFT_PAREN) || after.isKeyword("by") || after.isKeyword("without"))) {
      in.next();
      return new AggregateParser(in, selectors, this::expression).parse(agg, t);
    }
    if (after.is(TokenType.LEFT_PAREN)) {
      return call(t);
    }
    in.next();
    return selector(t.text(), t.pos());
  }

  private VectorSelector selector(String name, int pos) {
    List<LabelMatcher> matchers =
        in.at(TokenType.LEFT_BRACE)
            ? selectors.matchers(name, pos)
            : List.of(LabelMatcher.of(SelectorParser.NAME, dev.vigil.promql.ast.MatchType.EQUAL, name));
    String metric = name;
    for (LabelMatcher m : matchers) {
      if (metric == null && m.name().equals(SelectorParser.NAME) && m.type() == dev.vigil.promql.ast.MatchType.EQUAL) {
        metric = m.value();
      }
    }
    if (matchers.stream().allMatch(LabelMatcher::matchesEmpty) && !allowEmptySelector) {
      throw in.error(pos, "vector selector must contain at least one non-empty matcher");
    }
    return new VectorSelector(metric, matchers, null, null, false, pos);
  }

  private Expr call(Token nameToken) {
    Function fn = Function.named(nameToken.text());
    if (fn == null) {
      throw in.error(nameToken.pos(), "unknown function with name \"" + nameToken.text() + "\"");
    }
    in.next();
    in.expect(TokenType.LEFT_PAREN, "function call");
    List<Expr> args = new ArrayList<>();
    while (!in.at(TokenType.RIGHT_PAREN)) {
      boolean infoLabels = fn.name().equals("info") && args.size() == 1;
      allowEmptySelector = infoLabels;
      try {
        args.add(expression(0));
      } finally {
        allowEmptySelector = false;
      }
      if (!in.accept(TokenType.COMMA)) {
        break;
      }
    }
    in.expect(TokenType.RIGHT_PAREN, "function call");
    CallChecks.check(in, fn, args, nameToken.pos());
    return new Call(fn, args, nameToken.pos());
  }
}
