package dev.vigil.bench.common;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** ClickHouse's HTTP interface: counts for the drain phases, bulk statements for loading. */
public final class ClickHouseHttp {
  private final String url;
  private final HttpClient http;

  public ClickHouseHttp(String url, HttpClient http) {
    this.url = url;
    this.http = http;
  }

  /** A {@code SELECT count() …}-style query answering one number. */
  public long count(String sql) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(url + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("ClickHouse answered " + response.statusCode() + " to " + sql + ": " + response.body());
    }
    return Long.parseLong(response.body().trim());
  }

  /** Any statement, sent as the POST body; waits until it finished (bulk inserts take minutes). */
  public String execute(String sql) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(url + "/?wait_end_of_query=1"))
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("ClickHouse answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
