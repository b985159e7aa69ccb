package dev.vigil.promql.engine.functions;

import dev.vigil.promql.engine.Labels;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** label_replace and label_join on one label set; expansion follows Go's regexp.Expand. */
public final class LabelFunctions {

  private LabelFunctions() {}

  public static Pattern compile(String regex) {
    try {
      return Pattern.compile("^(?:" + regex + ")$", Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression in label_replace(): " + regex);
    }
  }

  /** The new labels, or the input unchanged when the regex does not match the source value. */
  public static Labels replace(Labels in, String dst, String replacement, String src, Pattern regex) {
    String value = in.get(src) == null ? "" : in.get(src);
    Matcher m = regex.matcher(value);
    if (!m.matches()) {
      return in;
    }
    return in.with(dst, expand(replacement, m));
  }

  public static Labels join(Labels in, String dst, String separator, List<String> sources) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sources.size(); i++) {
      if (i > 0) {
        sb.append(separator);
      }
      String v = in.get(sources.get(i));
      sb.append(v == null ? "" : v);
    }
    return in.with(dst, sb.toString());
  }

  /** Go template expansion: $1, ${1}, $name, ${name}, $$; an unknown group expands to "". */
  static String expand(String template, Matcher m) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int end;
      if (next == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        end = close + 1;
      } else {
        int j = i + 1;
        while (j < template.length()
            && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
          j++;
        }
        name = template.substring(i + 1, j);
        end = j;
      }
      if (name.isEmpty()) {
        out.append(c);
        i++;
        continue;
      }
      out.append(group(m, name));
      i = end;
    }
    return out.toString();
  }

  private static String group(Matcher m, String name) {
    String g;
    try {
      if (name.chars().allMatch(Character::isDigit)) {
        int idx = Integer.parseInt(name);
        g = idx <= m.groupCount() ? m.group(idx) : null;
      } else {
        g = m.group(name);
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      g = null;
    }
    return g == null ? "" : g;
  }
}
