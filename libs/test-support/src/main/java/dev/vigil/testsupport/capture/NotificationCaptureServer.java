package dev.vigil.testsupport.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A local stand-in for Discord, Slack and webhook receivers (JDK HTTP server on 127.0.0.1, a free
 * port). It records every request; under {@code /discord/} and {@code /slack/} it refuses bodies
 * those services would refuse (400 with the reason, recorded as rejected); and it answers each path
 * with the responses queued by {@link #respondWith}, then as the real service does: Discord 204,
 * Slack 200 {@code ok}, anything else 200.
 *
 * <pre>{@code
 * try (var server = NotificationCaptureServer.start()) {
 *   String url = server.url("/discord/1/token");
 *   server.respondWith("/discord/1/token", 429, Map.of(), "{\"retry_after\": 0.2}");
 *   ... deliver to url ...
 *   List<CapturedRequest> got = server.awaitRequests("/discord/1/token", 2, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class NotificationCaptureServer implements AutoCloseable {

  public static final String DISCORD_PREFIX = "/discord/";
  public static final String SLACK_PREFIX = "/slack/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final List<CapturedRequest> requests = new ArrayList<>();
  private final Map<String, Queue<ScriptedResponse>> scripted = new HashMap<>();

  private NotificationCaptureServer(HttpServer server, ExecutorService executor, Clock clock) {
    this.server = server;
    this.executor = executor;
    this.clock = clock;
  }

  /** Starts a server on a free port of the loopback interface. */
  public static NotificationCaptureServer start() {
    return start(Clock.systemUTC());
  }

  /** Starts a server that stamps requests with {@code clock}. */
  public static NotificationCaptureServer start(Clock clock) {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "notification-capture");
        t.setDaemon(true);
        return t;
      });
      NotificationCaptureServer capture = new NotificationCaptureServer(http, executor, clock);
      http.createContext("/", capture::handle);
      http.setExecutor(executor);
      http.start();
      return capture;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the notification capture server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /** The absolute URL of {@code path} on this server. */
  public String url(String path) {
    return baseUri() + (path.startsWith("/") ? path : "/" + path);
  }

  /**
   * Queues one answer for the next request to exactly {@code path} whose body passes the path's
   * rules; queued answers are used in order, then the default answer returns.
   */
  public synchronized NotificationCaptureServer respondWith(
      String path, int status, Map<String, String> headers, String body) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new ScriptedResponse(status, headers, body));
    return this;
  }

  /** Every request received so far, in arrival order. */
  public synchronized List<CapturedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests received for exactly {@code path}, in arrival order. */
  public synchronized List<CapturedRequest> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /**
   * Waits until {@code path} has received at least {@code n} requests and returns all of them;
   * throws an AssertionError naming what did arrive when {@code timeout} passes first.
   */
  public synchronized List<CapturedRequest> awaitRequests(String path, int n, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CapturedRequest> got = requests(path);
    while (got.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(String.format(
            "expected %d request(s) to %s within %s, got %d; all requests: %s",
            n, path, timeout, got.size(), describe(requests)));
      }
      wait(Math.max(1, left / 1_000_000));
      got = requests(path);
    }
    return got;
  }

  /** Forgets recorded requests and queued answers. */
  public synchronized void reset() {
    requests.clear();
    scripted.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String rejection = rulesFor(path).violation(body).orElse(null);
      ScriptedResponse response = rejection != null ? rejected(path, rejection) : next(path);
      record(exchange, path, body, response.status(), rejection);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      boolean noBody = bytes.length == 0 || response.status() == 204;
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  static PayloadRules rulesFor(String path) {
    if (path.startsWith(DISCORD_PREFIX)) {
      return new DiscordWebhookRules();
    }
    if (path.startsWith(SLACK_PREFIX)) {
      return new SlackWebhookRules();
    }
    return PayloadRules.ANY;
  }

  /** The 400 the real service sends: Discord's JSON error, Slack's plain-text code. */
  private static ScriptedResponse rejected(String path, String reason) {
    if (path.startsWith(DISCORD_PREFIX)) {
      String json = "{\"code\":50035,\"message\":\"Invalid Form Body\",\"reason\":" + jsonString(reason) + "}";
      return new ScriptedResponse(400, Map.of("Content-Type", "application/json"), json);
    }
    return new ScriptedResponse(400, Map.of("Content-Type", "text/plain"), reason);
  }

  private synchronized ScriptedResponse next(String path) {
    Queue<ScriptedResponse> queue = scripted.get(path);
    if (queue != null && !queue.isEmpty()) {
      return queue.poll();
    }
    if (path.startsWith(DISCORD_PREFIX)) {
      return new ScriptedResponse(204, Map.of(), "");
    }
    if (path.startsWith(SLACK_PREFIX)) {
      return new ScriptedResponse(200, Map.of("Content-Type", "text/plain"), "ok");
    }
    return new ScriptedResponse(200, Map.of(), "");
  }

  private synchronized void record(
      HttpExchange exchange, String path, String body, int status, String rejection) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    requests.add(new CapturedRequest(
        exchange.getRequestMethod(),
        path,
        exchange.getRequestURI().getRawQuery(),
        Collections.unmodifiableMap(headers),
        body,
        clock.instant(),
        status,
        rejection));
    notifyAll();
  }

  private static String describe(List<CapturedRequest> requests) {
    if (requests.isEmpty()) {
      return "none";
    }
    return requests.stream()
        .map(r -> r.method() + " " + r.path() + " -> " + r.status()
            + (r.rejected() ? " (" + r.rejection() + ")" : ""))
        .collect(Collectors.joining("; "));
  }

  private static String jsonString(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }
}
