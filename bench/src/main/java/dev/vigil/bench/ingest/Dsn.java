package dev.vigil.bench.ingest;

import java.net.URI;

/** A Sentry DSN, http://KEY@host:port/PROJECT: where to send, as whom, into which project. */
record Dsn(String raw, String gatewayUrl, String publicKey, long projectId) {
  static Dsn parse(String dsn) {
    URI uri = URI.create(dsn);
    String path = uri.getPath().replaceAll("/+$", "");
    String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + path.substring(0, path.lastIndexOf('/'));
    return new Dsn(dsn, base, uri.getUserInfo().split(":")[0],
        Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
  }
}
