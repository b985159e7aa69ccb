package dev.vigil.alerting.templates;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The string functions of Go templates and Prometheus, with Go's exact escaping rules. */
final class TextFunctions {

  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private TextFunctions() {}

  /** strings.Title: upper-cases the first letter of each word. */
  static String title(String s) {
    StringBuilder out = new StringBuilder();
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7f) {
      return !(Character.isLetterOrDigit(r) || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }

  /** strings.ToUpper / ToLower: rune by rune, without Java's multi-character special cases. */
  static String mapCase(String s, boolean upper) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> out.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return out.toString();
  }

  /** html/template's HTMLEscapeString. */
  static String html(String s) {
    return s.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&#34;").replace("\0", "\uFFFD");
  }

  /** text/template's JSEscapeString. */
  static String js(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '<' -> out.append("\\u003C");
        case '>' -> out.append("\\u003E");
        case '&' -> out.append("\\u0026");
        case '=' -> out.append("\\u003D");
        default -> {
          if (cp < ' ' || (cp >= 0x80 && !GoStrings.isPrint(cp))) {
            out.append(String.format("\\u%04X", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.toString();
  }

  /** url.QueryEscape. */
  static String queryEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", (int) c));
      }
    }
    return out.toString();
  }

  /** regexp.ReplaceAllString: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}} and {@code $$}. */
  static String reReplaceAll(String pattern, String replacement, String text) {
    Matcher m = compile(pattern, "regexp: Compile(`" + pattern + "`): ").matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start()).append(expand(m, replacement));
      last = m.end();
    }
    return out.append(text.substring(last)).toString();
  }

  /** regexp.MatchString: an unanchored search. */
  static boolean match(String pattern, String text) {
    return compile(pattern, "").matcher(text).find();
  }

  /** Compiles a Java regex (close to Go's RE2 for what templates use), failing with Go's wording. */
  private static Pattern compile(String pattern, String prefix) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(prefix + "error parsing regexp: " + e.getDescription().toLowerCase(Locale.ROOT)
          + ": `" + pattern + "`");
    }
  }

  private static String expand(Matcher m, String template) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        continue;
      }
      if (template.charAt(i + 1) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean braced = template.charAt(i + 1) == '{';
      int start = braced ? i + 2 : i + 1;
      int end = start;
      while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
        end++;
      }
      if (end == start || (braced && (end >= template.length() || template.charAt(end) != '}'))) {
        out.append(c);
        continue;
      }
      out.append(group(m, template.substring(start, end)));
      i = braced ? end : end - 1;
    }
    return out.toString();
  }

  private static String group(Matcher m, String name) {
    try {
      String value = name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
      return value == null ? "" : value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return "";
    }
  }

  /** Prometheus's stripPort: the host of host:port, or the text unchanged when it has no port. */
  static String stripPort(String hostPort) {
    String[] split = splitHostPort(hostPort);
    return split == null ? hostPort : split[0];
  }

  /** Prometheus's stripDomain: the first label of a host name, keeping a port; IPs stay as they are. */
  static String stripDomain(String hostPort) {
    String[] split = splitHostPort(hostPort);
    String host = split == null ? hostPort : split[0];
    if (IPV4.matcher(host).matches() || IPV6.matcher(host).matches()) {
      return hostPort;
    }
    host = host.split("\\.", -1)[0];
    if (split != null && !split[1].isEmpty()) {
      return host.contains(":") ? "[" + host + "]:" + split[1] : host + ":" + split[1];
    }
    return host;
  }

  /** net.SplitHostPort, or null where Go returns an error. */
  private static String[] splitHostPort(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      return null;
    }
    String host;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0 || end + 1 != colon) {
        return null;
      }
      host = hostPort.substring(1, end);
    } else {
      host = hostPort.substring(0, colon);
      if (host.contains(":")) {
        return null;
      }
    }
    String port = hostPort.substring(colon + 1);
    if (host.contains("[") || host.contains("]") || port.contains("[") || port.contains("]")) {
      return null;
    }
    return new String[] {host, port};
  }
}
