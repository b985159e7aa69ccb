package dev.vigil.promql.parser;

import dev.vigil.promql.ast.LabelMatcher;
import dev.vigil.promql.ast.MatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Label matchers in braces and label lists in {@code by(...)}, {@code on(...)} and the like. */
final class SelectorParser {

  static final String NAME = "__name__";

  private final TokenStream in;

  SelectorParser(TokenStream in) {
    this.in = in;
  }

  /**
   * Parses {@code {a="b", "quoted.name", ...}} after a metric name (or none), returning every
   * matcher including the name matcher first.
   */
  List<LabelMatcher> matchers(String metricName, int namePos) {
    List<LabelMatcher> out = new ArrayList<>();
    if (metricName != null) {
      out.add(LabelMatcher.of(NAME, MatchType.EQUAL, metricName));
    }
    in.expect(TokenType.LEFT_BRACE, "label matching");
    boolean nameSeen = metricName != null;
    while (!in.at(TokenType.RIGHT_BRACE)) {
      Token nameToken = in.peek();
      String label;
      if (nameToken.is(TokenType.IDENTIFIER) || nameToken.is(TokenType.NUMBER)) {
        label = in.next().text();
      } else if (nameToken.is(TokenType.STRING)) {
        label = in.next().text();
        if (in.at(TokenType.COMMA) || in.at(TokenType.RIGHT_BRACE)) {
          if (nameSeen) {
            throw in.error(nameToken.pos(), "metric name must not be set twice: \"" + label + "\"");
          }
          nameSeen = true;
          out.add(0, LabelMatcher.of(NAME, MatchType.EQUAL, label));
          if (!in.accept(TokenType.COMMA)) {
            break;
          }
          continue;
        }
      } else {
        throw in.unexpected("label matching", "label matching operator or \"}\"");
      }
      MatchType type = matchType();
      Token value = in.peek();
      if (!value.is(TokenType.STRING)) {
        throw in.unexpected("label matching", "string");
      }
      in.next();
      if (label.equals(NAME) && metricName != null) {
        throw in.error(nameToken.pos(), "metric name must not be set twice: \"" + metricName + "\" or \"" + value.text() + "\"");
      }
      try {
        out.add(LabelMatcher.of(label, type, value.text()));
      } catch (PatternSyntaxException e) {
        throw in.error(value.pos(), "invalid regular expression \"" + value.text() + "\": " + e.getDescription());
      }
      if (!in.accept(TokenType.COMMA)) {
        break;
      }
    }
    in.expect(TokenType.RIGHT_BRACE, "label matching");
    return out;
  }

  private MatchType matchType() {
    Token t = in.peek();
    MatchType type =
        switch (t.type()) {
          case ASSIGN -> MatchType.EQUAL;
          case NEQ -> MatchType.NOT_EQUAL;
          case EQL_REGEX -> MatchType.REGEX;
          case NEQ_REGEX -> MatchType.NOT_REGEX;
          default -> null;
        };
    if (type == null) {
      throw in.unexpected("label matching", "label matching operator");
    }
    in.next();
    return type;
  }

  /** Parses {@code (a, b, "c.d")}: a possibly empty, parenthesised list of label names. */
  List<String> labelList(String context) {
    in.expect(TokenType.LEFT_PAREN, context);
    List<String> labels = new ArrayList<>();
    while (!in.at(TokenType.RIGHT_PAREN)) {
      Token t = in.peek();
      if (t.is(TokenType.IDENTIFIER) || t.is(TokenType.STRING)) {
        labels.add(in.next().text());
      } else if (t.is(TokenType.NUMBER) && (t.text().equalsIgnoreCase("inf") || t.text().equalsIgnoreCase("nan"))) {
        labels.add(in.next().text());
      } else {
        throw in.unexpected(context, "label");
      }
      if (!in.accept(TokenType.COMMA)) {
        break;
      }
    }
    in.expect(TokenType.RIGHT_PAREN, context);
    return labels;
  }
}
