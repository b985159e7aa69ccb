package dev.vigil.sentry.grouping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces a path or URL to a basename that stays the same across deploys, hosts and builds. */
final class Filenames {

  private static final Pattern TOKEN = Pattern.compile("([.\\-]?)([^.\\-]+)");

  /** Content hashes bundlers put into names: hex (webpack), base64url/base32 of 8 (vite, esbuild). */
  private static final Pattern HEX_HASH = Pattern.compile("(?=[0-9a-f]*\\d)[0-9a-f]{5,}");

  private static final Pattern SHORT_HASH = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z])[A-Za-z0-9]{8}");

  private static final Pattern VERSION = Pattern.compile("v?\\d+");

  private Filenames() {}

  /** "https://cdn.example.com/assets/app.3f2a1b9c.js?v=2" → "app.js"; "lodash-4.17.21.min.js" → "lodash.min.js". */
  static String basename(String path) {
    if (path == null) {
      return null;
    }
    String p = path.replace('\\', '/');
    int cut = indexOfAny(p, '?', '#');
    if (cut >= 0) {
      p = p.substring(0, cut);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String name = p.substring(p.lastIndexOf('/') + 1);
    return name.isEmpty() ? null : stripHashesAndVersions(name);
  }

  private static String stripHashesAndVersions(String name) {
    Matcher m = TOKEN.matcher(name);
    StringBuilder out = new StringBuilder();
    int index = 0;
    int count = (int) TOKEN.matcher(name).results().count();
    while (m.find()) {
      String token = m.group(2);
      boolean firstOrExtension = index == 0 || index == count - 1;
      boolean generated =
          HEX_HASH.matcher(token).matches() || SHORT_HASH.matcher(token).matches() || VERSION.matcher(token).matches();
      if (firstOrExtension || !generated) {
        out.append(m.group(1)).append(token);
      }
      index++;
    }
    return out.toString();
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }
}
