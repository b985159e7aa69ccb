package dev.vigil.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JavaScript build as a CI pipeline makes one: terser (pinned in e2e/node) minifies a source of
 * e2e/node/sourcemaps/src into {@code dist/} with a source map holding the original source, then the real
 * sentry-cli (also pinned there) injects debug ids and talks to Vigil as it would to Sentry.
 */
final class SourceMapBuild {

  private static final long TIMEOUT_SECONDS = 90;

  private final Path nodeDir;
  private final Path work;

  /** {@code work} is an empty temporary directory; it also serves as sentry-cli's HOME (no ~/.sentryclirc). */
  SourceMapBuild(Path nodeDir, Path work) {
    this.nodeDir = nodeDir;
    this.work = work;
  }

  Path dist() {
    return work.resolve("dist");
  }

  /**
   * Minifies {@code sourcemaps/src/<name>} to {@code dist/<base>.min.js} and its map. terser runs in the build
   * directory on {@code src/<name>}, so the map names the source {@code src/<name>}, as a project's build would.
   */
  Path minify(String name) throws IOException, InterruptedException {
    Files.createDirectories(work.resolve("src"));
    Files.createDirectories(dist());
    Files.copy(nodeDir.resolve("sourcemaps/src").resolve(name), work.resolve("src").resolve(name));
    String base = name.replaceFirst("\\.js$", "");
    run(
        List.of(
            bin("terser"), "src/" + name, "--toplevel", "--compress", "--mangle",
            "--source-map", "includeSources,url='" + base + ".min.js.map'", "-o", "dist/" + base + ".min.js"),
        Map.of());
    return dist().resolve(base + ".min.js");
  }

  /** Runs {@code sentry-cli <args>} with the given SENTRY_* settings and returns its output. */
  String sentryCli(Map<String, String> sentryEnv, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(bin("sentry-cli"));
    command.addAll(List.of(args));
    return run(command, sentryEnv);
  }

  private String bin(String tool) {
    return nodeDir.resolve("node_modules/.bin").resolve(tool).toString();
  }

  /** Runs a tool in the build directory; fails with its whole output when it exits non-zero. */
  private String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    Path output = Files.createTempFile("vigil-e2e-build", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(env);
      // No ~/.sentryclirc of the machine, no update check or telemetry to sentry.io.
      builder.environment().put("HOME", work.toString());
      builder.environment().put("SENTRY_DISABLE_UPDATE_CHECK", "true");
      builder.environment().put("SENTRYCLI_SKIP_DOWNLOAD", "1");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s:\n" + read(output));
      }
      String printed = read(output);
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + printed);
      }
      return printed;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String read(Path output) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
