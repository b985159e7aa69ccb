package dev.vigil.promql.parser;

import java.util.List;

/** A cursor over the tokens of one query, with the error helpers every parser part shares. */
final class TokenStream {

  private final String query;
  private final List<Token> tokens;
  private int index;

  TokenStream(String query) {
    this.query = query;
    this.tokens = Lexer.tokenize(query);
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(index);
    if (index < tokens.size() - 1) {
      index++;
    }
    return t;
  }

  boolean at(TokenType type) {
    return peek().is(type);
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  /** Consumes the next token if it has this type. */
  boolean accept(TokenType type) {
    if (at(type)) {
      next();
      return true;
    }
    return false;
  }

  Token expect(TokenType type, String context) {
    if (!at(type)) {
      throw unexpected(context, type.description());
    }
    return next();
  }

  ParseException unexpected(String context, String expected) {
    Token t = peek();
    String where = context == null ? "" : " in " + context;
    String msg = "unexpected " + t.describe() + where;
    if (expected != null) {
      msg += ", expected " + expected;
    }
    return new ParseException(query, t.pos(), msg);
  }

  ParseException error(int pos, String message) {
    return new ParseException(query, pos, message);
  }
}
