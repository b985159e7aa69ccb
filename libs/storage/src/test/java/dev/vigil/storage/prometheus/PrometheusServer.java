package dev.vigil.storage.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package, 2.42) serving a TSDB built by {@code promtool tsdb
 * create-blocks-from openmetrics}: no scrape targets, so it holds exactly the samples given, plus the rule
 * files' results when there are any. Listens on a free port of 127.0.0.1; {@link #close()} stops it.
 */
public final class PrometheusServer implements AutoCloseable {

  public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusServer(Process process, Path log, URI url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /** Fails with what to do when Debian's prometheus package is not installed. */
  public static void requireInstalled() {
    for (Path binary : List.of(PROMETHEUS, PROMTOOL)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: run ./vigil test, which installs Debian's prometheus"
            + " package (or apt-get install --no-install-recommends prometheus)");
      }
    }
  }

  /**
   * Builds a TSDB in {@code dir} from {@code openMetrics} and starts Prometheus on it, with the rule files
   * (may be empty) evaluated every {@code evaluationInterval} (a Prometheus duration such as {@code 15s}).
   */
  public static PrometheusServer start(Path dir, Path openMetrics, List<Path> ruleFiles, String evaluationInterval)
      throws IOException, InterruptedException {
    requireInstalled();
    Path data = Files.createDirectories(dir.resolve("data"));
    run(dir.resolve("promtool.log"), PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics",
        openMetrics.toString(), data.toString());
    StringBuilder config = new StringBuilder("global:\n  evaluation_interval: " + evaluationInterval + "\n");
    if (!ruleFiles.isEmpty()) {
      config.append("rule_files:\n");
      ruleFiles.forEach(f -> config.append("  - '").append(f.toAbsolutePath()).append("'\n"));
    }
    Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config.toString());
    URI url = URI.create("http://127.0.0.1:" + freePort());
    Path log = dir.resolve("prometheus.log");
    Process process = new ProcessBuilder(
            PROMETHEUS.toString(),
            "--config.file=" + configFile,
            "--storage.tsdb.path=" + data,
            "--storage.tsdb.retention.time=30d",
            "--web.listen-address=" + url.getAuthority(),
            "--query.lookback-delta=5m",
            "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    // Not left running when the JVM ends without close() (a test run interrupted, a benchmark stopped).
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    PrometheusServer server = new PrometheusServer(process, log, url);
    try {
      server.awaitReady();
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public URI url() {
    return url;
  }

  /** An error answer of the HTTP API: its {@code errorType} ({@code bad_data}, {@code execution}, ...) and message. */
  public static final class ApiError extends RuntimeException {
    private final String errorType;

    ApiError(String errorType, String message) {
      super(errorType + ": " + message);
      this.errorType = errorType;
    }

    public String errorType() {
      return errorType;
    }
  }

  /** {@code /api/v1/query} at a Unix-ms time: the response's {@code data}; an error answer is thrown as {@link ApiError}. */
  public JsonNode query(String expr, long timeMillis) {
    return api("/api/v1/query", "query=" + encode(expr) + "&time=" + seconds(timeMillis));
  }

  /** {@code /api/v1/query_range} (Unix ms): the response's {@code data}; an error answer is thrown as {@link ApiError}. */
  public JsonNode queryRange(String expr, long startMillis, long endMillis, long stepMillis) {
    return api("/api/v1/query_range", "query=" + encode(expr) + "&start=" + seconds(startMillis)
        + "&end=" + seconds(endMillis) + "&step=" + seconds(stepMillis));
  }

  /** Calls an API path with a query string (already encoded) and returns its {@code data}. */
  public JsonNode api(String path, String queryString) {
    String body = get(path + "?" + queryString, true);
    try {
      JsonNode response = JSON.readTree(body);
      if (!"success".equals(response.path("status").asText())) {
        throw new ApiError(response.path("errorType").asText(), response.path("error").asText());
      }
      return response.get("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's own metrics in the text format. */
  public String metrics() {
    return get("/metrics", false);
  }

  private String get(String pathAndQuery, boolean errorsAreJson) {
    HttpRequest request = HttpRequest.newBuilder(url.resolve(pathAndQuery)).timeout(Duration.ofMinutes(2)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 && !(errorsAreJson && response.body().startsWith("{"))) {
        throw new IllegalStateException("GET " + pathAndQuery + ": HTTP " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + logTail());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus was not ready within " + READY_TIMEOUT + ": " + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void run(Path log, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Unix ms as the seconds with three decimals Prometheus's API takes, exactly. */
  public static String seconds(long millis) {
    return Math.floorDiv(millis, 1000) + "." + String.format("%03d", Math.floorMod(millis, 1000));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The first line of {@code prometheus --version}, for reports. */
  public static String version() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PROMETHEUS.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().findFirst().orElse("").trim();
  }
}
