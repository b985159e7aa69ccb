package dev.vigil.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's layers form a runnable app: web-ui's layers, unpacked, started with the image's own entrypoint and
 * environment, answer the probes the chart uses. The host's {@code sh} and {@code java} stand in for the base
 * image's (the stand-in base of offline builds has neither), and /deployments is the unpacked directory.
 */
class ImageEntrypointTest {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  @TempDir Path root;
  @TempDir Path tmp;

  @Test
  void webUiStartsFromItsLayersWithTheImageEntrypointAndStopsOnSigterm() throws Exception {
    ImageArchive image = ImageArchive.read(ServiceModule.named("web-ui").imageTar());
    image.unpackLayersFromThisBuild(root);
    Path deployments = root.resolve("deployments");
    List<String> before = listing(deployments);

    List<String> command = new ArrayList<>(image.entrypoint());
    command.set(2, command.get(2).replace("/deployments/", deployments + "/"));
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(command).directory(deployments.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("web-ui.log").toFile());
    Map<String, String> env = builder.environment();
    env.clear(); // as in a container: the image's environment, not the test JVM's
    env.putAll(image.environment());
    env.put("PATH", System.getenv("PATH")); // the host's java
    // The hook the chart uses: its flags come after JAVA_OPTS and win. Here they move the port and keep the
    // temporary files of this run out of the host's /tmp.
    env.put("JAVA_OPTS_APPEND", "-Dquarkus.http.port=" + port + " -Djava.io.tmpdir=" + tmp
        + " -Dvertx.cacheDirBase=" + tmp.resolve("vertx-cache") + " -XX:+PrintFlagsFinal");

    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      awaitLive(process, http, port);
      for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
        assertThat(get(http, port, probe).statusCode()).as(probe).isEqualTo(200);
      }
      assertThat(ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().command()))
          .as("the shell exec'd java, so java gets the container's signals")
          .hasValueSatisfying(executable -> assertThat(executable).endsWith("/java"));
      assertThat(log()).containsPattern("MaxRAMPercentage\\s+= 50\\.0+\\s.*\\{command line}")
          .containsPattern("ExitOnOutOfMemoryError\\s+= true\\s.*\\{command line}");
    } finally {
      process.destroy(); // SIGTERM, as the kubelet sends
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
    }
    assertThat(listening(port)).as("port %d closed", port).isFalse();
    assertThat(log()).contains("stopped in");
    // a read-only root filesystem is enough: the app wrote nothing into its own directory
    assertThat(listing(deployments)).isEqualTo(before);
  }

  private void awaitLive(Process process, HttpClient http, int port) throws Exception {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("web-ui exited early; its log:\n%s", log()).isTrue();
      try {
        if (get(http, port, "/q/health/live").statusCode() == 200) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // keep polling until the deadline
      }
      Thread.sleep(200);
    }
    throw new AssertionError("web-ui not live within " + STARTUP.toSeconds() + " s; its log:\n" + log());
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String log() throws IOException {
    Path log = tmp.resolve("web-ui.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(file -> dir.relativize(file) + " " + file.toFile().length()).sorted().toList();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
