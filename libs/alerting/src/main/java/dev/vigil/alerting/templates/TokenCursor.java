package dev.vigil.alerting.templates;

import dev.vigil.alerting.templates.Token.Type;
import java.util.List;

/**
 * Reading position in a template's tokens, with Go's parser helpers (peek, backup, skipping spaces)
 * and its errors, located at the furthest token read as Go's parser does.
 */
final class TokenCursor {

  private static final int MAX_DEPTH = 500;

  private final String text;
  private final List<Token> tokens;
  private int index;
  private int furthest;
  private int depth;

  TokenCursor(String text) {
    this.text = text;
    this.tokens = TemplateLexer.lex(text);
  }

  Token next() {
    Token t = tokens.get(Math.min(index, tokens.size() - 1));
    index++;
    furthest = Math.max(furthest, Math.min(index, tokens.size()) - 1);
    return t;
  }

  Token peek() {
    Token t = next();
    backup();
    return t;
  }

  void backup() {
    index--;
  }

  int mark() {
    return index;
  }

  void reset(int mark) {
    index = mark;
  }

  /**
   * Enters a nested pipeline or control structure; the limit keeps a hostile template from
   * exhausting the stack of the recursive-descent parser.
   */
  void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("max expression depth exceeded");
    }
  }

  void leave() {
    depth--;
  }

  Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.is(Type.SPACE));
    return t;
  }

  Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  Token expect(Type type, String context) {
    Token t = nextNonSpace();
    if (!t.is(type)) {
      throw unexpected(t, context);
    }
    return t;
  }

  TemplateSyntaxException unexpected(Token t, String context) {
    return t.is(Type.ERROR) ? error(t.text()) : error("unexpected " + t.describe() + " in " + context);
  }

  TemplateSyntaxException error(String detail) {
    Token at = tokens.get(furthest);
    int lineStart = at.pos() == 0 ? 0 : text.lastIndexOf('\n', at.pos() - 1) + 1;
    return new TemplateSyntaxException(at.line(), at.pos() - lineStart + 1, detail);
  }
}
