package dev.vigil.alerting.channels;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Length limits on user-supplied text, counted in UTF-16 units as Java, JavaScript and Discord do. */
final class Text {

  /** Marks text that was cut; one UTF-16 unit, so a cut string never exceeds its limit. */
  static final String ELLIPSIS = "…";

  private Text() {}

  /** {@code s} if it fits in {@code max} units, else its start plus "…" in exactly that space. */
  static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s == null ? "" : s;
    }
    if (max <= 0) {
      return "";
    }
    int cut = max - ELLIPSIS.length();
    if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--; // never leave half of a surrogate pair (an emoji) behind
    }
    return s.substring(0, cut) + ELLIPSIS;
  }

  /** One line for a header or subject: control characters (CR/LF included) become spaces. */
  static String singleLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Whether {@code s} is an absolute http(s) URL, the only kind a message may link to. */
  static boolean isHttpUrl(String s) {
    if (isBlank(s)) {
      return false;
    }
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
