package dev.vigil.alerting.templates;

import static dev.vigil.alerting.templates.LexChars.atTerminator;
import static dev.vigil.alerting.templates.LexChars.hasLeftTrimMarker;
import static dev.vigil.alerting.templates.LexChars.hasRightTrimMarker;
import static dev.vigil.alerting.templates.LexChars.isAlphaNumeric;
import static dev.vigil.alerting.templates.LexChars.isDigit;
import static dev.vigil.alerting.templates.LexChars.isSpace;

import dev.vigil.alerting.templates.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a template into tokens the way Go's text/template lexer does: text, {@code {{ }}} actions
 * with {@code {{- }} / {@code -}}} trimming of the surrounding white space, and comments, which
 * produce no token. A lexical error becomes an ERROR token and ends the stream, as in Go.
 */
final class TemplateLexer {

  private static final Set<String> KEYWORDS =
      Set.of("block", "break", "continue", "define", "else", "end", "if", "range", "template", "with");

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;

  private TemplateLexer(String input) {
    this.input = input;
  }

  static List<Token> lex(String input) {
    TemplateLexer lexer = new TemplateLexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean ok = true;
    while (ok) {
      int open = input.indexOf("{{", pos);
      if (open < 0) {
        emitText(input.substring(start), start);
        tokens.add(new Token(Type.EOF, "", input.length(), lineAt(input.length())));
        return;
      }
      boolean trimLeft = hasLeftTrimMarker(input, open + 2);
      String text = input.substring(start, open);
      emitText(trimLeft ? LexChars.stripTrailingSpace(text) : text, start);
      pos = open + 2 + (trimLeft ? 2 : 0);
      if (input.startsWith("/*", pos)) {
        ok = comment();
      } else {
        tokens.add(new Token(Type.LEFT_DELIM, "{{", open, lineAt(open)));
        start = pos;
        parenDepth = 0;
        ok = insideAction();
      }
    }
  }

  private void emitText(String text, int at) {
    if (!text.isEmpty()) {
      tokens.add(new Token(Type.TEXT, text, at, lineAt(at)));
    }
  }

  private boolean comment() {
    int end = input.indexOf("*/", pos + 2);
    if (end < 0) {
      return error("unclosed comment");
    }
    pos = end + 2;
    if (!LexChars.atRightDelim(input, pos)) {
      return error("comment ends before closing delimiter");
    }
    closeAction();
    return true;
  }

  /** Consumes a right delimiter at pos and, after {@code -}}}, the white space that follows it. */
  private void closeAction() {
    boolean trimRight = !input.startsWith("}}", pos);
    pos += (trimRight ? 2 : 0) + 2;
    if (trimRight) {
      pos = LexChars.skipSpace(input, pos);
    }
    start = pos;
  }

  /** Lexes one action up to and including its right delimiter; false after an error. */
  private boolean insideAction() {
    while (true) {
      if (LexChars.atRightDelim(input, pos)) {
        if (parenDepth > 0) {
          return error("unclosed left paren");
        }
        tokens.add(new Token(Type.RIGHT_DELIM, "}}", pos, lineAt(pos)));
        closeAction();
        return true;
      }
      if (pos >= input.length()) {
        return error("unclosed action");
      }
      start = pos;
      char c = input.charAt(pos);
      if (isSpace(c)) {
        pos = LexChars.skipSpace(input, pos);
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith("}}", pos + 1)) {
          pos--;
          if (pos == start) {
            continue;
          }
        }
        emit(Type.SPACE);
        continue;
      }
      pos++;
      boolean ok = switch (c) {
        case '=' -> emit(Type.ASSIGN);
        case ':' -> input.startsWith("=", pos) ? emitAfter(1, Type.DECLARE) : error("expected :=");
        case '|' -> emit(Type.PIPE);
        case '"' -> quoted('"', Type.STRING, "unterminated quoted string");
        case '\'' -> quoted('\'', Type.CHAR_CONSTANT, "unterminated character constant");
        case '`' -> rawQuote();
        case '$' -> fieldOrVariable(Type.VARIABLE);
        case '(' -> {
          parenDepth++;
          yield emit(Type.LEFT_PAREN);
        }
        case ')' -> {
          emit(Type.RIGHT_PAREN);
          yield --parenDepth >= 0 || error("unexpected right paren U+0029 ')'");
        }
        default -> other(c);
      };
      if (!ok) {
        return false;
      }
    }
  }

  private boolean other(char c) {
    if (c == '.' && (pos >= input.length() || !isDigit(input.charAt(pos)))) {
      return fieldOrVariable(Type.FIELD);
    }
    if (c == '.' || c == '+' || c == '-' || isDigit(c)) {
      pos = GoNumbers.scan(input, pos - 1);
      if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
        pos++;
        return error("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
      }
      return emit(Type.NUMBER);
    }
    if (isAlphaNumeric(c)) {
      pos = LexChars.skipAlphaNumeric(input, pos);
      if (!atTerminator(input, pos)) {
        return error("bad character " + GoStrings.describeRune(input.codePointAt(pos)));
      }
      String word = input.substring(start, pos);
      return emit(KEYWORDS.contains(word) ? Type.KEYWORD
          : word.equals("true") || word.equals("false") ? Type.BOOL
          : word.equals("nil") ? Type.NIL : Type.IDENTIFIER);
    }
    if (c < 0x7f && c >= 0x20) {
      return emit(Type.CHAR);
    }
    return error("unrecognized character in action: " + GoStrings.describeRune(input.codePointAt(pos - 1)));
  }

  /** After {@code $} or {@code .}: a variable or field name, or {@code $} / {@code .} alone. */
  private boolean fieldOrVariable(Type type) {
    if (atTerminator(input, pos)) {
      return emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
    }
    pos = LexChars.skipAlphaNumeric(input, pos);
    if (!atTerminator(input, pos)) {
      return error("bad character " + GoStrings.describeRune(input.codePointAt(pos)));
    }
    return emit(type);
  }

  private boolean quoted(char quote, Type type, String unterminated) {
    int end = LexChars.endOfQuoted(input, pos, quote);
    if (end < 0) {
      return error(unterminated);
    }
    pos = end;
    return emit(type);
  }

  private boolean rawQuote() {
    int end = input.indexOf('`', pos);
    if (end < 0) {
      return error("unterminated raw quoted string");
    }
    pos = end + 1;
    return emit(Type.RAW_STRING);
  }

  private boolean emit(Type type) {
    tokens.add(new Token(type, input.substring(start, pos), start, lineAt(start)));
    start = pos;
    return true;
  }

  private boolean emitAfter(int extra, Type type) {
    pos += extra;
    return emit(type);
  }

  private boolean error(String message) {
    tokens.add(new Token(Type.ERROR, message, start, lineAt(start)));
    return false;
  }

  private int lineAt(int offset) {
    int line = 1;
    for (int i = input.lastIndexOf('\n', Math.min(offset, input.length()) - 1); i >= 0; i = input.lastIndexOf('\n', i - 1)) {
      line++;
    }
    return line;
  }
}
