package dev.vigil.state.releases;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The artifact URLs under which a frame's {@code abs_path} may have been uploaded, most specific
 * first: as it is, without query and fragment, then host-relative as sentry-cli writes it ({@code
 * https://cdn.example.com/static/app.js} → {@code ~/static/app.js}).
 */
public final class SourceUrls {

  private SourceUrls() {}

  public static List<String> candidates(String absPath) {
    LinkedHashSet<String> urls = new LinkedHashSet<>();
    urls.add(absPath);
    String bare = absPath.replaceFirst("[?#].*$", "");
    urls.add(bare);
    try {
      URI uri = new URI(bare);
      String path = uri.getRawPath();
      if (uri.getScheme() != null && path != null && !path.isEmpty()) {
        urls.add("~" + (path.startsWith("/") ? path : "/" + path));
      }
    } catch (URISyntaxException e) {
      // Not a URL (a file path): only exact matches.
    }
    return new ArrayList<>(urls);
  }
}
