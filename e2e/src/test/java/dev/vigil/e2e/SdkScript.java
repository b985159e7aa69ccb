package dev.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the e2e scripts (e2e/python, e2e/node) that report to a DSN with an official Sentry SDK, and
 * returns the JSON object the script prints as its last line.
 */
final class SdkScript {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private SdkScript() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("vigil.repo.root", "..")).toAbsolutePath().normalize();
  }

  /** The interpreter `./vigil test` configured (system property), else the given fallback on the PATH. */
  static String interpreter(String property, String fallback) {
    String configured = System.getProperty(property);
    return configured == null || configured.isBlank() ? fallback : configured;
  }

  /** Runs {@code command}; fails with its whole output if it exits non-zero or prints no JSON line. */
  static JsonNode run(List<String> command, Path workingDir) throws IOException, InterruptedException {
    return run(command, workingDir, Map.of(), TIMEOUT);
  }

  /**
   * Like {@link #run(List, Path)} with extra environment variables (for what should not show in a process list
   * or a failure message, such as an invitation secret) and its own time limit.
   */
  static JsonNode run(List<String> command, Path workingDir, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("vigil-e2e-sdk", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s:\n" + read(output));
      }
      String printed = read(output);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + printed);
      }
      List<String> jsonLines = new ArrayList<>();
      for (String line : printed.split("\n")) {
        if (line.startsWith("{")) {
          jsonLines.add(line);
        }
      }
      if (jsonLines.isEmpty()) {
        throw new AssertionError(String.join(" ", command) + " printed no JSON result:\n" + printed);
      }
      return VigilApi.parse(jsonLines.get(jsonLines.size() - 1));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Runs a short check (is the SDK installed?) and returns its exit status and output. */
  static String probe(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 ? null : printed;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static String read(Path output) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
