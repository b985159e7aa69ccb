package dev.vigil.promql.parser;

import dev.vigil.promql.ast.DurationExpr;

/**
 * Durations in ranges, offsets and subquery steps. Inside brackets a full arithmetic expression
 * is allowed; after {@code offset} only a single (possibly signed or parenthesised) term, so that
 * {@code x offset 1m + 2} adds 2 to the offset selector as Prometheus does.
 */
final class DurationParser {

  private final TokenStream in;

  DurationParser(TokenStream in) {
    this.in = in;
  }

  /** A full duration expression (inside {@code [...]} or parentheses). */
  DurationExpr expression() {
    return binary(1);
  }

  /** The operand of {@code offset}: a signed term without binary operators. */
  DurationExpr offsetTerm() {
    if (in.accept(TokenType.SUB)) {
      return new DurationExpr.Negate(offsetTerm());
    }
    if (in.accept(TokenType.ADD)) {
      return offsetTerm();
    }
    return atom();
  }

  private DurationExpr binary(int minPrecedence) {
    DurationExpr lhs = unary();
    while (true) {
      Token t = in.peek();
      int precedence = precedence(t.type());
      if (precedence < minPrecedence) {
        return lhs;
      }
      in.next();
      int nextMin = t.is(TokenType.POW) ? precedence : precedence + 1;
      DurationExpr rhs = binary(nextMin);
      lhs = new DurationExpr.Arith(t.text().charAt(0), lhs, rhs);
    }
  }

  private DurationExpr unary() {
    if (in.accept(TokenType.SUB)) {
      return new DurationExpr.Negate(binary(3));
    }
    if (in.accept(TokenType.ADD)) {
      return binary(3);
    }
    return atom();
  }

  private static int precedence(TokenType type) {
    return switch (type) {
      case ADD, SUB -> 1;
      case MUL, DIV, MOD -> 2;
      case POW -> 3;
      default -> 0;
    };
  }

  private DurationExpr atom() {
    Token t = in.peek();
    switch (t.type()) {
      case DURATION -> {
        in.next();
        return new DurationExpr.Literal(Durations.parseMillis(t.text()));
      }
      case NUMBER -> {
        in.next();
        double seconds = Numbers.parse(t.text());
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
          throw in.error(t.pos(), "duration must be a finite number, got " + t.text());
        }
        return new DurationExpr.Literal(Math.round(seconds * 1000));
      }
      case LEFT_PAREN -> {
        in.next();
        DurationExpr inner = expression();
        in.expect(TokenType.RIGHT_PAREN, "duration expression");
        return inner;
      }
      case IDENTIFIER -> {
        return function(t);
      }
      default -> throw in.unexpected("duration expression", "duration or number");
    }
  }

  private DurationExpr function(Token t) {
    String name = t.text().toLowerCase(java.util.Locale.ROOT);
    if (!in.peek(1).is(TokenType.LEFT_PAREN)) {
      throw in.unexpected("duration expression", "duration or number");
    }
    in.next();
    in.next();
    switch (name) {
      case "step", "range" -> {
        in.expect(TokenType.RIGHT_PAREN, name + "()");
        return name.equals("step") ? new DurationExpr.Step() : new DurationExpr.Range();
      }
      case "min_of", "max_of" -> {
        DurationExpr a = expression();
        in.expect(TokenType.COMMA, name + "()");
        DurationExpr b = expression();
        in.expect(TokenType.RIGHT_PAREN, name + "()");
        return new DurationExpr.Arith(name.equals("min_of") ? '<' : '>', a, b);
      }
      default -> throw in.error(t.pos(), "unknown function \"" + t.text() + "\" in duration expression");
    }
  }
}
