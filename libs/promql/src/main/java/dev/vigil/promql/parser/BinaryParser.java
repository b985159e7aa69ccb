package dev.vigil.promql.parser;

import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ValueType;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import java.util.List;

/** Binary operators: the modifiers after the operator and the type rules for both operands. */
final class BinaryParser {

  /** What was written between the operator and its right operand. */
  record Modifiers(
      boolean returnBool,
      Boolean on,
      List<String> matchingLabels,
      Cardinality grouping,
      List<String> include,
      Double fillLeft,
      Double fillRight,
      int pos) {}

  private final TokenStream in;
  private final SelectorParser selectors;

  BinaryParser(TokenStream in, SelectorParser selectors) {
    this.in = in;
    this.selectors = selectors;
  }

  static BinaryOp operatorAt(Token t) {
    return switch (t.type()) {
      case ADD -> BinaryOp.ADD;
      case SUB -> BinaryOp.SUB;
      case MUL -> BinaryOp.MUL;
      case DIV -> BinaryOp.DIV;
      case MOD -> BinaryOp.MOD;
      case POW -> BinaryOp.POW;
      case EQL -> BinaryOp.EQL;
      case NEQ -> BinaryOp.NEQ;
      case LTE -> BinaryOp.LTE;
      case LSS -> BinaryOp.LSS;
      case GTE -> BinaryOp.GTE;
      case GTR -> BinaryOp.GTR;
      case IDENTIFIER -> {
        if (t.isKeyword("and")) {
          yield BinaryOp.AND;
        } else if (t.isKeyword("or")) {
          yield BinaryOp.OR;
        } else if (t.isKeyword("unless")) {
          yield BinaryOp.UNLESS;
        } else if (t.isKeyword("atan2")) {
          yield BinaryOp.ATAN2;
        }
        yield null;
      }
      default -> null;
    };
  }

  Modifiers modifiers(BinaryOp op) {
    int pos = in.peek().pos();
    boolean returnBool = false;
    if (in.atKeyword("bool")) {
      if (!op.isComparison()) {
        throw in.error(in.peek().pos(), "bool modifier can only be used on comparison operators");
      }
      in.next();
      returnBool = true;
    }
    Boolean on = null;
    List<String> matching = List.of();
    if (in.atKeyword("on") || in.atKeyword("ignoring")) {
      on = in.next().isKeyword("on");
      matching = selectors.labelList(on ? "on clause" : "ignoring clause");
    }
    Cardinality grouping = null;
    List<String> include = List.of();
    if (in.atKeyword("group_left") || in.atKeyword("group_right")) {
      Token g = in.next();
      if (op.isSetOperator()) {
        throw in.error(g.pos(), "no grouping allowed for \"" + op.symbol() + "\" operation");
      }
      if (on == null) {
        on = false;
      }
      grouping = g.isKeyword("group_left") ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
      if (in.at(TokenType.LEFT_PAREN)) {
        include = selectors.labelList("grouping");
      }
    }
    Double fillLeft = null;
    Double fillRight = null;
    while ((in.atKeyword("fill") || in.atKeyword("fill_left") || in.atKeyword("fill_right"))
        && in.peek(1).is(TokenType.LEFT_PAREN)) {
      String which = in.next().text().toLowerCase(java.util.Locale.ROOT);
      in.next();
      double value = fillValue();
      in.expect(TokenType.RIGHT_PAREN, which + " modifier");
      if (!which.equals("fill_right")) {
        fillLeft = value;
      }
      if (!which.equals("fill_left")) {
        fillRight = value;
      }
    }
    return new Modifiers(returnBool, on, matching, grouping, include, fillLeft, fillRight, pos);
  }

  private double fillValue() {
    double sign = 1;
    if (in.accept(TokenType.SUB)) {
      sign = -1;
    } else {
      in.accept(TokenType.ADD);
    }
    Token t = in.peek();
    if (t.is(TokenType.NUMBER)) {
      in.next();
      return sign * Numbers.parse(t.text());
    }
    if (t.is(TokenType.DURATION)) {
      in.next();
      return sign * Durations.parseMillis(t.text()) / 1000.0;
    }
    throw in.unexpected("fill modifier", "number");
  }

  Binary build(BinaryOp op, Token opToken, Expr lhs, Expr rhs, Modifiers m) {
    ValueType lt = lhs.type();
    ValueType rt = rhs.type();
    boolean operandsOk =
        (lt == ValueType.SCALAR || lt == ValueType.VECTOR)
            && (rt == ValueType.SCALAR || rt == ValueType.VECTOR);
    if (!operandsOk) {
      throw in.error(opToken.pos(), "binary expression must contain only scalar and instant vector types");
    }
    boolean bothVectors = lt == ValueType.VECTOR && rt == ValueType.VECTOR;
    if (op.isSetOperator() && !bothVectors) {
      throw in.error(opToken.pos(), "set operator \"" + op.symbol() + "\" not allowed in binary scalar expression");
    }
    if (op.isComparison() && lt == ValueType.SCALAR && rt == ValueType.SCALAR && !m.returnBool()) {
      throw in.error(opToken.pos(), "comparisons between scalars must use BOOL modifier");
    }
    if (!bothVectors && (m.on() != null || m.grouping() != null)) {
      throw in.error(m.pos(), "vector matching only allowed between instant vectors");
    }
    VectorMatching matching = null;
    if (bothVectors) {
      Cardinality card =
          op.isSetOperator()
              ? Cardinality.MANY_TO_MANY
              : m.grouping() != null ? m.grouping() : Cardinality.ONE_TO_ONE;
      boolean on = m.on() != null && m.on();
      if (on) {
        for (String label : m.include()) {
          if (m.matchingLabels().contains(label)) {
            throw in.error(m.pos(), "label \"" + label + "\" must not occur in ON and GROUP clause at once");
          }
        }
      }
      matching = new VectorMatching(card, on, m.matchingLabels(), m.include(), m.fillLeft(), m.fillRight());
    }
    return new Binary(op, lhs, rhs, m.returnBool(), matching, lhs.pos());
  }
}
