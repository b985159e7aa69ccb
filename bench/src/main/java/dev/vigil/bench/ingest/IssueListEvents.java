package dev.vigil.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Counts a project's events through query-service's issue list (sum of the issues' event counts). */
final class IssueListEvents implements EventCounter {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;
  private final long projectId;

  IssueListEvents(String baseUrl, String token, long projectId) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.token = token;
    this.projectId = projectId;
  }

  @Override
  public long count() throws IOException, InterruptedException {
    long total = 0;
    String cursor = null;
    do {
      String url = baseUrl + "/api/v1/projects/" + projectId + "/issues?status=all&sort=events&limit=100"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
      }
      Object body = Json.parse(response.body());
      List<?> issues = body instanceof List<?> list ? list : (List<?>) ((Map<?, ?>) body).get("issues");
      for (Object issue : issues) {
        total += ((Number) ((Map<?, ?>) issue).get("count")).longValue();
      }
      Object next = body instanceof Map<?, ?> map ? map.get("nextCursor") : null;
      cursor = next == null || issues.isEmpty() ? null : next.toString();
    } while (cursor != null);
    return total;
  }
}
