package dev.vigil.storage.clickhouse;

import com.clickhouse.client.api.Client;
import java.net.URI;

/**
 * Builds the driver's client-v2 {@link Client} for the same endpoint as a JDBC URL. Bulk inserts use it
 * to send RowBinary, which the JDBC PreparedStatement path cannot (it renders every row as SQL text).
 */
final class BinaryClients {

  private BinaryClients() {}

  /** A client for {@code jdbc:clickhouse:http://host:port/db?...} (or {@code jdbc:ch:}, or no scheme = http). */
  static Client forJdbcUrl(String jdbcUrl, String user, String password) {
    return new Client.Builder()
        .addEndpoint(endpoint(jdbcUrl))
        .setUsername(user == null || user.isEmpty() ? "default" : user)
        .setPassword(password == null ? "" : password)
        // Same rule as the JDBC URL: the chDB development endpoint cannot produce native LZ4 frames.
        .compressServerResponse(!jdbcUrl.contains("compress=false"))
        .compressClientRequest(false)
        .build();
  }

  static String endpoint(String jdbcUrl) {
    String rest = jdbcUrl;
    for (String prefix : new String[] {"jdbc:clickhouse:", "jdbc:ch:"}) {
      if (rest.startsWith(prefix)) {
        rest = rest.substring(prefix.length());
        break;
      }
    }
    if (rest.startsWith("//")) {
      rest = "http:" + rest;
    }
    URI uri = URI.create(rest);
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(scheme) ? 8443 : 8123);
    return scheme + "://" + uri.getHost() + ":" + port;
  }
}
