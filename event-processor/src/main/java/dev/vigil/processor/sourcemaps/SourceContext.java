package dev.vigil.processor.sourcemaps;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lines of an original source around a position, and the function that encloses it. */
final class SourceContext {

  static final int CONTEXT_LINES = 5;
  /** Same cap as the normalizer's: a context line is for display, not a copy of a generated file. */
  private static final int MAX_LINE = 1024;

  /** {@code function name(}, {@code name = function}, {@code name = (…) =>}, {@code name(…) {} in a class or object. */
  private static final List<Pattern> DECLARATIONS = List.of(
      Pattern.compile("\\bfunction\\s*\\*?\\s*([A-Za-z_$][\\w$]*)\\s*\\("),
      Pattern.compile("([A-Za-z_$][\\w$]*)\\s*[=:]\\s*(?:async\\s+)?function\\b"),
      Pattern.compile("([A-Za-z_$][\\w$]*)\\s*[=:]\\s*(?:async\\s+)?(?:\\([^)]*\\)|[A-Za-z_$][\\w$]*)\\s*=>"),
      Pattern.compile("^\\s*(?:static\\s+|async\\s+|get\\s+|set\\s+)*([A-Za-z_$][\\w$]*)\\s*\\([^)]*\\)\\s*\\{"));

  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("if", "for", "while", "switch", "catch", "with", "function", "return");

  private final String[] lines;

  SourceContext(String content) {
    this.lines = content.split("\r\n|\n|\r", -1);
  }

  /** The 1-based line, or null past the end. */
  String line(int lineno) {
    return lineno >= 1 && lineno <= lines.length ? cap(lines[lineno - 1]) : null;
  }

  List<String> before(int lineno) {
    return range(Math.max(1, lineno - CONTEXT_LINES), lineno - 1);
  }

  List<String> after(int lineno) {
    return range(lineno + 1, Math.min(lines.length, lineno + CONTEXT_LINES));
  }

  /**
   * The name of the function whose body holds the line: the nearest preceding declaration indented
   * less than the line. Source maps name identifiers, not scopes, so the minified frame's function
   * ({@code o} or {@code ?}) cannot be mapped directly; formatted source makes indentation a reliable
   * guide, and null (keep the SDK's name) is answered when no declaration is found.
   */
  String enclosingFunction(int lineno) {
    if (lineno < 1 || lineno > lines.length) {
      return null;
    }
    int indent = indent(lines[lineno - 1]);
    String own = declaredName(lines[lineno - 1]);
    if (own != null) {
      return own;
    }
    for (int i = lineno - 2; i >= 0 && indent > 0; i--) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int lineIndent = indent(line);
      if (lineIndent < indent) {
        String name = declaredName(line);
        if (name != null) {
          return name;
        }
        indent = lineIndent;
      }
    }
    return null;
  }

  private static String declaredName(String line) {
    for (Pattern p : DECLARATIONS) {
      Matcher m = p.matcher(line);
      if (m.find() && !KEYWORDS.contains(m.group(1))) {
        return m.group(1);
      }
    }
    return null;
  }

  private List<String> range(int from, int to) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(cap(lines[i - 1]));
    }
    return out;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String cap(String line) {
    String stripped = line.stripTrailing();
    return stripped.length() > MAX_LINE ? stripped.substring(0, MAX_LINE) : stripped;
  }
}
