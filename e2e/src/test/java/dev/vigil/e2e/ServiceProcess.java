package dev.vigil.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Vigil service ({@code quarkus-run.jar}) running as a child process of the test JVM. A test may
 * {@link #kill() kill} it and {@link #restart() start it again} with the same port, environment and log.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final int port;
  private final Path log;
  private final ProcessBuilder command;
  private volatile Process process;

  private ServiceProcess(String name, int port, Path log, ProcessBuilder command, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.command = command;
    this.process = process;
  }

  /** Starts {@code <repo>/<name>/target/quarkus-app/quarkus-run.jar} on {@code port}; output goes to {@code <name>.log}. */
  static ServiceProcess start(Path repoRoot, String name, int port, Map<String, String> env, Path logDir)
      throws IOException {
    return start(repoRoot, name, name, port, env, logDir);
  }

  /** Like {@link #start(Path, String, int, Map, Path)}, for a further instance of a service: its output goes to {@code <logName>.log}. */
  static ServiceProcess start(Path repoRoot, String name, String logName, int port, Map<String, String> env, Path logDir)
      throws IOException {
    Path jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name + " is not packaged (" + jar + " is missing): run `./vigil test`, or `mvn -B -pl " + name
              + " -am install -DskipTests` first");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve(logName + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
            .directory(jar.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    return new ServiceProcess(name, port, log, builder, builder.start());
  }

  /**
   * Kills the service at once (SIGKILL), as when its machine or container dies: no shutdown hook runs, so
   * it releases nothing it holds.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
    }
  }

  /** Starts the service again after {@link #kill()}: same port and environment, its output appended to the same log. */
  void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " still runs (pid " + process.pid() + "): kill it first");
    }
    command.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = command.start();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Polls {@code /q/health/ready} until it answers 200; fails with the log's tail if the service dies or stalls. */
  void awaitReady(HttpClient http) throws InterruptedException {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with status " + process.exitValue() + " before it was ready; log " + log + ":\n" + logTail());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling until the deadline
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; log " + log + ":\n" + logTail());
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  Path log() {
    return log;
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Asks the service to stop (SIGTERM, so Quarkus shuts down cleanly), then kills it if it lingers. */
  @Override
  public void close() throws InterruptedException {
    Process process = this.process;
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
