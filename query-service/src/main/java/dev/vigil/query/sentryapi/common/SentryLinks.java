package dev.vigil.query.sentryapi.common;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code Link} header of a paged Sentry list, formatted exactly as Sentry does: the request's
 * absolute URL with its query string minus {@code cursor}, then {@code &cursor=}, for "previous" and
 * "next", each saying whether that page has results. Tools (sentry-cli, MCP servers) page by reading
 * {@code rel="next"; results="true"}.
 */
public final class SentryLinks {

  private SentryLinks() {}

  public static String header(UriInfo uri, SentryCursor cursor, int limit, boolean hasNext) {
    String base = uri.getAbsolutePath().toString() + "?" + queryWithoutCursor(uri);
    return link(base, "previous", cursor.offset() > 0, cursor.previous(limit))
        + ", "
        + link(base, "next", hasNext, cursor.next(limit));
  }

  private static String link(String base, String rel, boolean results, String cursor) {
    return "<" + base + "&cursor=" + cursor + ">; rel=\"" + rel + "\"; results=\"" + results + "\"; cursor=\"" + cursor + "\"";
  }

  private static String queryWithoutCursor(UriInfo uri) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, List<String>> param : uri.getQueryParameters().entrySet()) {
      if (param.getKey().equals("cursor")) {
        continue;
      }
      for (String value : param.getValue()) {
        query.add(encode(param.getKey()) + "=" + encode(value));
      }
    }
    return query.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
