package dev.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the end-to-end tests see of Vigil: query-service's REST API and the gateway's and web UI's addresses. */
final class VigilApi {

  /** The organization every test project is created in. */
  static final String ORGANIZATION = "e2e";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String queryUrl;
  private final String gatewayUrl;
  private final String webUiUrl;
  private final OtlpEndpoints otlp;
  private final String adminToken;

  VigilApi(HttpClient http, String queryUrl, String gatewayUrl, String webUiUrl, OtlpEndpoints otlp, String adminToken) {
    this.http = http;
    this.queryUrl = queryUrl;
    this.gatewayUrl = gatewayUrl;
    this.webUiUrl = webUiUrl;
    this.otlp = otlp;
    this.adminToken = adminToken;
  }

  String gatewayUrl() {
    return gatewayUrl;
  }

  /** The packaged web-ui the suite started: the SPA, with /api forwarded to the suite's query-service. */
  String webUiUrl() {
    return webUiUrl;
  }

  OtlpEndpoints otlp() {
    return otlp;
  }

  /**
   * GET {@code /api/v1} + {@code pathAndQuery}: the JSON body when it answers 200, null when 404 (not stored yet),
   * an assertion error otherwise.
   */
  JsonNode getOrNull(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1" + pathAndQuery))
            .header("Authorization", "Bearer " + adminToken)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(15))
            .GET()
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  /** GET {@code /api/v1} + {@code pathAndQuery}, expecting 200. */
  JsonNode get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, 200);
  }

  /** Creates a project with a unique slug, so every test class starts from an empty project. */
  TestProject createProject(String platform) {
    return createProject(ORGANIZATION, platform);
  }

  /** Like {@link #createProject(String)} in the given organization, which the admin token creates on first use. */
  TestProject createProject(String organization, String platform) {
    String slug = platform + "-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode created =
        send(
            "POST",
            "/projects",
            Map.of("organization", organization, "slug", slug, "name", "e2e " + slug, "platform", platform),
            201);
    JsonNode key = created.path("keys").path(0);
    return new TestProject(created.path("id").asLong(), slug, key.path("publicKey").asText(), key.path("dsn").asText());
  }

  /**
   * Creates an organization API token (not tied to a user, as CI uses for sentry-cli) with the admin token and
   * returns its secret, which the API shows only in this answer.
   */
  String createOrganizationToken(String organization, String name, List<String> scopes) {
    JsonNode created =
        send(
            "POST",
            "/organizations/" + organization + "/tokens",
            Map.of("name", name, "scopes", scopes, "organizationToken", true),
            201);
    String secret = created.path("token").asText();
    if (!secret.matches("[0-9a-f]{64}")) {
      throw new AssertionError("POST /organizations/" + organization + "/tokens answered no 64-hex token: " + created);
    }
    return secret;
  }

  /**
   * Invites {@code email} into {@code organization} with {@code role}, as an installation's administrator does
   * (admin token), and returns the answer: {@code inviteUrl} (the web-ui's accept page) and {@code secret}.
   */
  JsonNode invite(String organization, String email, String role) {
    return send("POST", "/organizations/" + organization + "/invitations", Map.of("email", email, "role", role), 201);
  }

  /** query-service's base URL: what sentry-cli's SENTRY_URL points at (it appends /api/0/...). */
  String queryUrl() {
    return queryUrl;
  }

  /** GET on Sentry's web API ({@code /api/0} + {@code path}) with the given token, expecting 200. */
  JsonNode getSentryApi(String path, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(queryUrl + "/api/0" + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(15))
            .GET()
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /api/0" + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  /** Every issue of the project, whatever its status, most events first. */
  List<JsonNode> issues(long projectId) {
    JsonNode body = send("GET", "/projects/" + projectId + "/issues?status=all&sort=events&limit=100", null, 200);
    return elements(body.isArray() ? body : body.path("issues"));
  }

  JsonNode latestEvent(long issueId) {
    return send("GET", "/issues/" + issueId + "/events/latest", null, 200);
  }

  List<JsonNode> events(long issueId) {
    JsonNode body = send("GET", "/issues/" + issueId + "/events?limit=100", null, 200);
    return elements(body.isArray() ? body : body.path("events"));
  }

  /** Posts raw bytes to the gateway's envelope endpoint of a project, with the given X-Sentry-Auth key. */
  HttpResponse<String> postEnvelope(long projectId, String publicKey, byte[] envelope) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/" + projectId + "/envelope/"))
            .header("Content-Type", "application/x-sentry-envelope")
            .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=vigil-e2e/1.0, sentry_key=" + publicKey)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
            .build();
    return exchange(request);
  }

  /** {@code method} on {@code /api/v1} + {@code path} with a JSON body (or none), expecting {@code expectedStatus}. */
  JsonNode call(String method, String path, Object body, int expectedStatus) {
    return send(method, path, body, expectedStatus);
  }

  /** PUT of a text document (such as a Prometheus rule file) with its content type, expecting 200. */
  JsonNode putText(String path, String contentType, String text) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1" + path))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(15))
            .PUT(HttpRequest.BodyPublishers.ofString(text))
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != 200) {
      throw new AssertionError("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  private JsonNode send(String method, String path, Object body, int expectedStatus) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1" + path))
              .header("Authorization", "Bearer " + adminToken)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(15))
              .method(method, publisher)
              .build();
      HttpResponse<String> response = exchange(request);
      if (response.statusCode() != expectedStatus) {
        throw new AssertionError(
            method + " " + path + " answered " + response.statusCode() + " (expected " + expectedStatus + "): "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
