package dev.vigil.alerting.rules;

import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value as written: scalars keep their source text (so {@code 1.50} stays
 * {@code 1.50} and {@code yes} stays {@code yes}, as Go's YAML decoder reads them into strings), and
 * every node keeps its 1-based line and column for error messages.
 */
final class SourceNode {

  enum Kind {
    MAP,
    LIST,
    SCALAR,
    NULL
  }

  /** One key of a mapping, with the key's own position. */
  record Entry(String key, int line, int column, SourceNode value) {}

  final Kind kind;
  final String text;
  final Map<String, Entry> entries;
  final List<SourceNode> items;
  final int line;
  final int column;

  private SourceNode(Kind kind, String text, Map<String, Entry> entries, List<SourceNode> items, int line, int column) {
    this.kind = kind;
    this.text = text;
    this.entries = entries;
    this.items = items;
    this.line = line;
    this.column = column;
  }

  static SourceNode scalar(String text, int line, int column) {
    return new SourceNode(Kind.SCALAR, text, Map.of(), List.of(), line, column);
  }

  static SourceNode nullValue(int line, int column) {
    return new SourceNode(Kind.NULL, "", Map.of(), List.of(), line, column);
  }

  static SourceNode map(Map<String, Entry> entries, int line, int column) {
    return new SourceNode(Kind.MAP, null, entries, List.of(), line, column);
  }

  static SourceNode list(List<SourceNode> items, int line, int column) {
    return new SourceNode(Kind.LIST, null, Map.of(), items, line, column);
  }

  /** How an error message names this kind of value. */
  String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> "the value " + quoted(text);
      case NULL -> "null";
    };
  }

  /** {@code line:column: } for messages. */
  String position() {
    return line + ":" + column + ": ";
  }

  static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
